import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { buildServer } from '../../src/http/server.ts';
import { ConfigurationError } from '../../src/shared/errors.ts';
import { createLogger } from '../../src/shared/logger.ts';
import {
  addShop,
  quickShopInput,
  setShopSetting,
  syncWebhookSubscriptions,
  wantedWebhookTopics,
  type ShopDeps,
} from '../../src/shops/index.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';
import { openTestStore, type TestStore } from '../support/test-store.ts';

/**
 * `webhooks sync` against the emulator's Admin API: the shop's subscriptions become the wanted
 * set, a second run changes nothing, auto sync off removes ours; subscriptions to other
 * addresses (more than a page of them) are never touched.
 */
const publicUrl = 'https://books.example.com';
const callbackUrl = `${publicUrl}/webhooks/shopify`;
const foreignCount = 90; // with ours, more than one page of 100

let emulator: RunningEmulator;
let store: TestStore;
let deps: ShopDeps;

function subscriptions() {
  return emulator.webhooks.subscriptions.list();
}
function oursNow() {
  return subscriptions().filter((s) => s.callbackUrl.endsWith('/webhooks/shopify'));
}
function foreignNow() {
  return subscriptions().filter((s) => s.callbackUrl.startsWith('https://erp.example.net/'));
}
function mutationsLogged(): string[] {
  return emulator.log
    .list()
    .map((call) => call.operation)
    .filter((operation) => operation.startsWith('mutation'));
}

beforeAll(async () => {
  emulator = await startShopEmulator();
  store = await openTestStore('pglite');
  deps = { db: store.db, secretKey: randomBytes(32) };
  await addShop(
    deps,
    quickShopInput({
      code: 'WEB',
      domain: 'web.myshopify.com',
      token: emulator.token,
      endpoint: emulator.url,
    }),
  );
  await setShopSetting(deps, 'WEB', ['autoSyncOrders=true']);
  // Set up in Shopify before storebridge looks: another integration's subscriptions...
  for (let i = 0; i < foreignCount; i++) {
    emulator.webhooks.subscriptions.create('ORDERS_CREATE', {
      callbackUrl: `https://erp.example.net/hooks/${i}`,
    });
  }
  // ...ours left on an old host in XML, and ours for a topic storebridge no longer wants.
  emulator.webhooks.subscriptions.create('ORDERS_PAID', {
    callbackUrl: 'https://old.example.com/webhooks/shopify',
    format: 'XML',
  });
  emulator.webhooks.subscriptions.create('PRODUCTS_UPDATE', { callbackUrl });
});
afterAll(async () => {
  await store?.close();
  await emulator?.close();
});

describe('syncWebhookSubscriptions on the emulator', () => {
  it('refuses to subscribe without a public URL, naming STOREBRIDGE_PUBLIC_URL and --address', async () => {
    const error = await syncWebhookSubscriptions(deps, 'WEB').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/STOREBRIDGE_PUBLIC_URL.*--address/);
    expect(mutationsLogged()).toEqual([]);
  });

  it('creates the missing, moves ours from the old host, deletes the unwanted; foreign ones stay', async () => {
    const report = await syncWebhookSubscriptions(deps, 'WEB', { publicUrl });
    expect(report).toMatchObject({
      shopCode: 'WEB',
      autoSyncOrders: true,
      callbackUrl,
      updated: ['ORDERS_PAID'],
      deleted: ['PRODUCTS_UPDATE'],
      unchanged: [],
      summary: '17 created, 1 updated, 1 deleted, 0 unchanged',
    });
    expect(
      oursNow()
        .map((s) => [s.topic, s.callbackUrl, s.format])
        .sort(),
    ).toEqual(wantedWebhookTopics.map((topic) => [topic, callbackUrl, 'JSON']).sort());
    expect(foreignNow()).toHaveLength(foreignCount);
  });

  it('changes nothing the second time, and asks Shopify only to list', async () => {
    emulator.log.reset();
    const report = await syncWebhookSubscriptions(deps, 'WEB', { publicUrl });
    expect(report.summary).toBe('0 created, 0 updated, 0 deleted, 18 unchanged');
    expect(report.unchanged.sort()).toEqual([...wantedWebhookTopics].sort());
    expect(mutationsLogged()).toEqual([]);
    expect(emulator.log.list().map((call) => call.operation)).toEqual([
      'query WebhookSubscriptions',
      'query WebhookSubscriptions',
    ]);
  });

  it('answers the same through POST /api/shops/:code/webhooks/sync', async () => {
    const server = buildServer({ store, secretKey: deps.secretKey, logger: createLogger('silent') });
    const headers = { authorization: `Bearer ${(await addTestUser(store.db, 'admin')).apiKey}` };
    try {
      const response = await server.inject({
        method: 'POST',
        url: '/api/shops/WEB/webhooks/sync',
        headers,
        payload: { address: publicUrl },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        callbackUrl,
        summary: '0 created, 0 updated, 0 deleted, 18 unchanged',
      });
      const unknown = await server.inject({
        method: 'POST',
        url: '/api/shops/NOPE/webhooks/sync',
        headers,
        payload: { address: publicUrl },
      });
      expect(unknown.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('with auto sync off removes ours only, and says so', async () => {
    await setShopSetting(deps, 'WEB', ['autoSyncOrders=false']);
    const report = await syncWebhookSubscriptions(deps, 'WEB');
    expect(report).toMatchObject({ autoSyncOrders: false, callbackUrl: null, created: [], updated: [] });
    expect(report.summary).toBe('0 created, 0 updated, 18 deleted, 0 unchanged');
    expect(oursNow()).toEqual([]);
    expect(foreignNow()).toHaveLength(foreignCount);
    const again = await syncWebhookSubscriptions(deps, 'WEB');
    expect(again.summary).toBe('0 created, 0 updated, 0 deleted, 0 unchanged');
  });
});
