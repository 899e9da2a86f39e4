import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { addTestUser, type TestUser } from '../../src/access/testing/test-users.ts';
import { setShopSetting, wantedWebhookTopics } from '../../src/shops/index.ts';
import type { StorebridgeServer } from '../../src/http/server.ts';
import { openWebhookHarness, type WebhookHarness } from '../../src/sync/testing/webhook-harness.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';
import { describeOnEachBackend } from '../support/test-store.ts';

/**
 * The web UI's shop status: the connection test and the webhook page, against the emulator's
 * Admin API (one emulator for the file; each backend its own store).
 */
const publicUrl = 'https://books.example.com';
const callbackUrl = `${publicUrl}/webhooks/shopify`;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startShopEmulator();
  // Two of ours at the right address, one on an old host, one for a topic storebridge does not want.
  emulator.webhooks.subscriptions.create('ORDERS_CREATE', { callbackUrl });
  emulator.webhooks.subscriptions.create('ORDERS_UPDATED', { callbackUrl });
  emulator.webhooks.subscriptions.create('ORDERS_PAID', {
    callbackUrl: 'https://old.example.com/webhooks/shopify',
  });
  emulator.webhooks.subscriptions.create('PRODUCTS_UPDATE', { callbackUrl });
});
afterAll(async () => {
  await emulator?.close();
});

describeOnEachBackend(
  'POST /api/shops/:code/connection-test and GET /api/shops/:code/webhooks',
  (backend) => {
    let h: WebhookHarness;
    let server: StorebridgeServer;
    let reader: TestUser;
    const call = (method: 'GET' | 'POST', url: string) =>
      server.inject({ method, url, headers: { authorization: `Bearer ${reader.apiKey}` } });

    beforeAll(async () => {
      h = await openWebhookHarness(backend);
      const deps = { db: h.store.db, secretKey: h.secretKey };
      await setShopSetting(deps, 'WEB', [
        `endpoint=${emulator.url}`,
        `credentials.accessToken=${emulator.token}`,
        'autoSyncOrders=true',
      ]);
      await setShopSetting(deps, 'NOSECRET', [
        `endpoint=${emulator.url}`,
        'credentials.accessToken=shpat_wrong',
      ]);
      reader = await addTestUser(h.store.db, 'read_only', 'rita');
      server = h.server();
    });
    afterAll(async () => {
      await server?.close();
      await h?.close();
    });

    it('reaches the shop: its name, currency, API version and how long it took', async () => {
      const response = await call('POST', '/api/shops/WEB/connection-test');
      expect([response.statusCode, response.json()]).toEqual([
        200,
        {
          ok: true,
          shop: { name: expect.any(String), plan: null, currency: 'USD' },
          apiVersion: '2025-01',
          // The emulator does not serve the app's scopes, so they cannot be checked there.
          missingScopes: [],
          scopesChecked: false,
          latencyMs: expect.any(Number),
        },
      ]);
    });

    it('reports a refused access token as a result, not an HTTP error; an unknown shop is 404', async () => {
      const response = await call('POST', '/api/shops/NOSECRET/connection-test');
      expect([response.statusCode, response.json()]).toEqual([
        200,
        {
          ok: false,
          apiVersion: '2025-01',
          missingScopes: [],
          scopesChecked: false,
          latencyMs: expect.any(Number),
          error: { code: 'shopify_unauthorized', message: 'Shopify refused the access token (HTTP 401)' },
        },
      ]);
      expect((await call('POST', '/api/shops/NOPE/connection-test')).statusCode).toBe(404);
    });

    it("shows Shopify's subscriptions against the wanted set, and what the receiver took per topic", async () => {
      const webhookId = randomUUID();
      await h.deliver(server, { webhookId, triggeredAt: '2026-12-07T10:00:05.000Z' });
      // Shopify's retries: each repeat is counted in its own group commit, the page adds them up.
      await h.deliver(server, { webhookId, triggeredAt: '2026-12-07T10:00:05.000Z' });
      await h.deliver(server, { webhookId, triggeredAt: '2026-12-07T10:00:05.000Z' });
      await h.deliver(server, { triggeredAt: '2026-12-07T10:00:01.000Z' });
      await h.deliver(server, { topic: 'orders/paid', triggeredAt: '2026-12-07T10:00:09.000Z' });

      const response = await call('GET', `/api/shops/WEB/webhooks?address=${encodeURIComponent(publicUrl)}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as {
        address: string;
        subscriptions: { topic: string; callbackUrl: string | null; status: string }[];
        received: { topic: string; last: string; accepted: number; duplicate: number; stale: number }[];
      };
      expect(body.address).toBe(callbackUrl);
      const byStatus = (status: string) =>
        body.subscriptions.filter((s) => s.status === status).map((s) => [s.topic, s.callbackUrl]);
      expect(byStatus('subscribed')).toEqual([
        ['ORDERS_CREATE', callbackUrl],
        ['ORDERS_UPDATED', callbackUrl],
      ]);
      expect(byStatus('missing')).toHaveLength(wantedWebhookTopics.length - 2);
      expect(byStatus('missing')).toContainEqual(['ORDERS_PAID', callbackUrl]);
      expect(byStatus('unexpected').sort()).toEqual([
        ['ORDERS_PAID', 'https://old.example.com/webhooks/shopify'],
        ['PRODUCTS_UPDATE', callbackUrl],
      ]);
      expect(body.received).toEqual([
        { topic: 'orders/paid', last: expect.any(String), accepted: 1, duplicate: 0, stale: 0, ignored: 0 },
        {
          topic: 'orders/updated',
          last: expect.any(String),
          accepted: 1,
          duplicate: 2,
          stale: 1,
          ignored: 0,
        },
      ]);
    });
  },
);
