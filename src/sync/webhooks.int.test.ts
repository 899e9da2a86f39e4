import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import { addTestUser } from '../access/testing/test-users.ts';
import {
  clientSecret,
  openWebhookHarness,
  orderUpdated,
  orderUpdatedId,
  type WebhookHarness,
} from './testing/webhook-harness.ts';

describeOnEachBackend('POST /webhooks/shopify: accepted, duplicate, stale, ignored', (backend) => {
  let h: WebhookHarness;
  beforeEach(async () => {
    h = await openWebhookHarness(backend);
  });
  afterEach(() => h.close());

  it('stores the receipt and enqueues the order sync in one go, then answers 200', async () => {
    const response = await h.deliver(h.server());
    expect([response.statusCode, response.json()]).toEqual([200, { outcome: 'accepted' }]);
    expect(await h.jobs()).toEqual([
      { shop_code: 'WEB', shopify_order_id: orderUpdatedId, cause: 'webhook orders/updated' },
    ]);
    expect(await h.receipts()).toEqual([
      {
        shop_code: 'WEB',
        topic: 'orders/updated',
        shopify_order_id: orderUpdatedId,
        outcome: 'accepted',
        triggered_at: new Date('2026-12-07T10:00:00.000Z'),
        order_updated_at: new Date('2022-01-01T00:00:00.000Z'),
      },
    ]);
  });

  it("verifies with the app's client secret when the shop has no webhook secret", async () => {
    const response = await h.deliver(h.server(), { shopDomain: 'app.myshopify.com', secret: clientSecret });
    expect(response.json()).toEqual({ outcome: 'accepted' });
    expect((await h.jobs())[0]).toMatchObject({ shop_code: 'APP' });
  });

  it('the same event twice (two subscriptions, new webhook ids): one job', async () => {
    const app = h.server();
    const eventId = randomUUID();
    expect((await h.deliver(app, { eventId })).json()).toEqual({ outcome: 'accepted' });
    expect((await h.deliver(app, { eventId })).json()).toEqual({ outcome: 'duplicate' });
    expect(await h.jobs()).toHaveLength(1);
    expect(await h.receipts()).toHaveLength(1);
  });

  it('the same event id under another topic is another event', async () => {
    const app = h.server();
    const eventId = randomUUID();
    await h.deliver(app, { eventId });
    expect((await h.deliver(app, { eventId, topic: 'orders/paid' })).json()).toEqual({ outcome: 'accepted' });
  });

  it('a retried delivery (same webhook id), also two at once: one job', async () => {
    const app = h.server();
    const webhookId = randomUUID();
    const [first, second] = await Promise.all([h.deliver(app, { webhookId }), h.deliver(app, { webhookId })]);
    expect([first.json().outcome, second.json().outcome].sort()).toEqual(['accepted', 'duplicate']);
    expect((await h.deliver(app, { webhookId })).json()).toEqual({ outcome: 'duplicate' });
    expect(await h.jobs()).toHaveLength(1);
  });

  it('a delivery triggered before one already accepted for the order is stored stale, nothing enqueued', async () => {
    const app = h.server();
    await h.deliver(app, { triggeredAt: '2026-12-07T10:00:05.000Z' });
    const late = await h.deliver(app, { triggeredAt: '2026-12-07T10:00:01.000Z' });
    expect([late.statusCode, late.json()]).toEqual([200, { outcome: 'stale' }]);
    const same = await h.deliver(app, { triggeredAt: '2026-12-07T10:00:05.000Z' });
    expect(same.json()).toEqual({ outcome: 'accepted' }); // equal is not older
    expect(await h.jobs()).toHaveLength(2);
    expect((await h.receipts()).map((receipt) => receipt.outcome)).toEqual(['accepted', 'stale', 'accepted']);
  });

  it('an older version of the order (its updated_at) is stale even when triggered later', async () => {
    const app = h.server();
    await h.deliver(app, { body: { ...orderUpdated, updated_at: '2026-12-07T10:00:00Z' } });
    const older = { ...orderUpdated, updated_at: '2026-12-07T09:00:00Z' };
    const late = await h.deliver(app, { body: older, triggeredAt: '2026-12-07T11:00:00.000Z' });
    expect(late.json()).toEqual({ outcome: 'stale' });
    expect(await h.jobs()).toHaveLength(1);
  });

  it('inventory levels and unknown topics: receipt stored, nothing enqueued', async () => {
    const app = h.server();
    const level = { inventory_item_id: 271878346596884000, location_id: 24826418, available: 6 };
    const inventory = await h.deliver(app, { topic: 'inventory_levels/update', body: level });
    expect(inventory.json()).toEqual({ outcome: 'ignored' });
    const unknown = await h.deliver(app, { topic: 'shop/update', body: { id: 1 } });
    expect(unknown.json()).toEqual({ outcome: 'ignored' });
    expect(await h.jobs()).toEqual([]);
    expect((await h.receipts()).map((receipt) => [receipt.topic, receipt.shopify_order_id])).toEqual([
      ['inventory_levels/update', null],
      ['shop/update', null],
    ]);
  });

  it('a refund names its order by order_id', async () => {
    const refund = { id: 890088186047892, order_id: 450789469, note: 'Things were damaged' };
    const response = await h.deliver(h.server(), { topic: 'refunds/create', body: refund });
    expect(response.json()).toEqual({ outcome: 'accepted' });
    expect(await h.jobs()).toEqual([
      { shop_code: 'WEB', shopify_order_id: '450789469', cause: 'webhook refunds/create' },
    ]);
  });

  it('GET /metrics counts the receipts by topic and outcome', async () => {
    const app = h.server();
    const webhookId = randomUUID();
    await h.deliver(app, { webhookId });
    await h.deliver(app, { webhookId });
    const metrics = (await app.inject({ url: '/metrics' })).body;
    const count = (outcome: string) =>
      new RegExp(
        `storebridge_webhook_receipts_total\\{(?=[^}]*topic="orders/updated")(?=[^}]*outcome="${outcome}")[^}]*\\} 1`,
      );
    expect(metrics).toMatch(count('accepted'));
    expect(metrics).toMatch(count('duplicate'));
  });

  it('/api routes still parse JSON bodies', async () => {
    const { apiKey } = await addTestUser(h.store.db, 'agent');
    const response = await h.server().inject({
      method: 'POST',
      url: '/api/shops/WEB/orders-to-import/delete',
      headers: { authorization: `Bearer ${apiKey}` },
      payload: { orders: [] },
    });
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'validation_failed']);
    expect(response.json().error.message).toMatch(/orders/);
  });
});
