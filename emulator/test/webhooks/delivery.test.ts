import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../http/harness.ts';
import { createOrder } from '../http/orders.ts';
import { RETRY_DELAYS_MS } from '../../src/webhooks/retry-schedule.ts';
import { startReceiver, subscribeMutation } from './receiver.ts';

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let answer = 200;

beforeEach(async () => {
  answer = 200;
  receiver = await startReceiver(() => answer);
  h = await startHarness({ seed: { kind: 'demo', orders: 0 } });
});
afterEach(async () => {
  await h.emulator.close();
  await receiver.close();
});

const subscribe = async (topic: string, url = receiver.url) => {
  const response = await h.gql<{
    webhookSubscriptionCreate: { userErrors: unknown[]; webhookSubscription: { id: string } };
  }>(subscribeMutation, { topic, url });
  expect(response.data.webhookSubscriptionCreate.userErrors).toEqual([]);
  return response.data.webhookSubscriptionCreate.webhookSubscription.id;
};

describe('webhook delivery (shopify.dev "Webhook headers", "Verify webhooks", "Delivery retries")', () => {
  it('signs the raw body with the app secret and sends Shopify headers', async () => {
    await subscribe('ORDERS_CREATE');
    await createOrder(h);
    await h.emulator.webhooks.settle();
    const [delivery] = receiver.byTopic('orders/create');
    expect(delivery).toBeDefined();
    const expected = createHmac('sha256', h.emulator.appSecret)
      .update(delivery!.body, 'utf8')
      .digest('base64');
    expect(delivery!.headers['x-shopify-hmac-sha256']).toBe(expected);
    expect(delivery!.headers['x-shopify-shop-domain']).toBe('jsmith.myshopify.com');
    expect(delivery!.headers['x-shopify-api-version']).toBe('2025-01');
    expect(delivery!.headers['x-shopify-webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery!.headers['x-shopify-event-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery!.headers['x-shopify-triggered-at']).toBe(h.emulator.clock.now().toISOString());
    expect(JSON.parse(delivery!.body)).toMatchObject({ name: '#1001', financial_status: expect.any(String) });
  });

  it('shares X-Shopify-Event-Id between the subscriptions of one event, not X-Shopify-Webhook-Id', async () => {
    const second = await startReceiver();
    try {
      await subscribe('ORDERS_CREATE');
      await subscribe('ORDERS_CREATE', second.url);
      await createOrder(h);
      await h.emulator.webhooks.settle();
      const [a] = receiver.byTopic('orders/create');
      const [b] = second.byTopic('orders/create');
      expect(a!.headers['x-shopify-event-id']).toBe(b!.headers['x-shopify-event-id']);
      expect(a!.headers['x-shopify-webhook-id']).not.toBe(b!.headers['x-shopify-webhook-id']);
    } finally {
      await second.close();
    }
  });

  it('retries 8 times on the backoff schedule with the original payload and the same Webhook-Id', async () => {
    await subscribe('ORDERS_CREATE');
    answer = 500;
    await createOrder(h);
    await h.emulator.webhooks.settle();
    expect(receiver.received).toHaveLength(1);
    for (const [retry, delay] of RETRY_DELAYS_MS.entries()) {
      h.emulator.clock.advance(delay - 1);
      await h.emulator.webhooks.settle();
      expect(receiver.received).toHaveLength(retry + 1); // not yet due
      if (retry === 3) answer = 200;
      h.emulator.clock.advance(1);
      await h.emulator.webhooks.settle();
      expect(receiver.received).toHaveLength(retry + 2);
      if (retry === 3) break;
    }
    const ids = new Set(receiver.received.map((r) => r.headers['x-shopify-webhook-id']));
    const bodies = new Set(receiver.received.map((r) => r.body));
    expect(ids.size).toBe(1);
    expect(bodies.size).toBe(1);
    const log = h.emulator.webhooks.dispatcher.deliveries();
    expect(log[0]).toMatchObject({ state: 'delivered' });
    expect(log[0]!.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500, 200]);
  });

  it('removes the subscription once a delivery failed all 8 retries (about 4 hours)', async () => {
    await subscribe('ORDERS_CREATE');
    answer = 503;
    await createOrder(h);
    await h.emulator.webhooks.settle();
    for (const delay of RETRY_DELAYS_MS) {
      h.emulator.clock.advance(delay);
      await h.emulator.webhooks.settle();
    }
    expect(receiver.received).toHaveLength(9);
    expect(h.emulator.webhooks.dispatcher.deliveries()[0]).toMatchObject({ state: 'failed' });
    const list = await h.gql<{ webhookSubscriptions: { nodes: unknown[] } }>(
      '{ webhookSubscriptions(first: 10) { nodes { id } } }',
    );
    expect(list.data.webhookSubscriptions.nodes).toEqual([]);
  });

  it('answers userErrors for a bad address and a duplicate, and lists, updates and deletes', async () => {
    const bad = await h.gql<{ webhookSubscriptionCreate: { userErrors: unknown[] } }>(subscribeMutation, {
      topic: 'ORDERS_PAID',
      url: 'ftp://example.com/hook',
    });
    expect(bad.data.webhookSubscriptionCreate.userErrors).toEqual([
      { field: ['webhookSubscription', 'callbackUrl'], message: 'Address protocol ftp:// is not supported' },
    ]);
    const id = await subscribe('ORDERS_PAID');
    const duplicate = await h.gql<{ webhookSubscriptionCreate: { userErrors: { message: string }[] } }>(
      subscribeMutation,
      { topic: 'ORDERS_PAID', url: receiver.url },
    );
    expect(duplicate.data.webhookSubscriptionCreate.userErrors[0]?.message).toBe(
      'Address for this topic has already been taken',
    );
    const updated = await h.gql<{
      webhookSubscriptionUpdate: { webhookSubscription: { callbackUrl: string } };
    }>(
      `mutation($id: ID!) { webhookSubscriptionUpdate(id: $id, webhookSubscription: { callbackUrl: "https://example.com/x" }) { webhookSubscription { callbackUrl } userErrors { message } } }`,
      { id },
    );
    expect(updated.data.webhookSubscriptionUpdate.webhookSubscription.callbackUrl).toBe(
      'https://example.com/x',
    );
    const deleted = await h.gql<{ webhookSubscriptionDelete: { deletedWebhookSubscriptionId: string } }>(
      `mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }`,
      { id },
    );
    expect(deleted.data.webhookSubscriptionDelete.deletedWebhookSubscriptionId).toBe(id);
  });
});
