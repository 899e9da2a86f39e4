import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { emittedTopics } from '../../emulator/src/webhooks/topics.ts';
import { openWebhookHarness, type WebhookHarness } from '../../src/sync/testing/webhook-harness.ts';
import { addShop } from '../../src/shops/index.ts';
import { Merchant } from '../support/e2e/merchant.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';
import { describeOnEachBackend } from '../support/test-store.ts';

const subscribe = `mutation Subscribe($topic: WebhookSubscriptionTopic!, $url: URL!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url, format: JSON }) {
    webhookSubscription { id } userErrors { field message } } }`;

/**
 * Shopify (the emulator) delivering real activity to the running service: every topic the
 * emulator emits, signed with the app's secret, with duplicates and out-of-order arrival
 * (shopify.dev "Webhooks best practices"). Each delivery is acknowledged, stored once, and each
 * order topic enqueues a sync of the order it concerns.
 */
describeOnEachBackend('the webhook receiver with Shopify delivering', (backend) => {
  let h: WebhookHarness;
  let emulator: RunningEmulator;
  beforeEach(async () => {
    h = await openWebhookHarness(backend);
    emulator = await startShopEmulator();
  });
  afterEach(async () => {
    await emulator.close();
    await h.close();
  });

  it('acknowledges every delivery, keeps one receipt per delivery and one job per accepted one', async () => {
    const shop = { db: h.store.db, secretKey: h.secretKey };
    await addShop(shop, {
      code: 'DEMO',
      shopifyDomain: 'jsmith.myshopify.com',
      endpoint: emulator.url,
      credentials: { clientId: 'storebridge', clientSecret: emulator.appSecret },
    });
    const server = h.server();
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/webhooks/shopify`;
      const merchant = new Merchant(emulator);
      for (const topic of Object.keys(emittedTopics)) await merchant.api.graphql(subscribe, { topic, url });
      emulator.webhooks.chaos.configure({ seed: 7, duplicateRate: 0.3, delayWindowMs: 20_000 });
      // Time moves only when the test moves it, a quarter second at a time, and what falls due in
      // each step is delivered before the next: deliveries arrive in the order their (seeded)
      // delays put them, so a delivery overtaken by a newer change of its order is the same one on
      // every run, not one that happened to lose a race on a busy machine.
      emulator.clock.setMode('frozen');
      const passTime = async (ms: number) => {
        for (let passed = 0; passed < ms; passed += 250) {
          emulator.clock.advance(250);
          await emulator.webhooks.settle();
        }
      };
      const act = async <T>(change: Promise<T>) => {
        const result = await change;
        await emulator.webhooks.settle();
        return result;
      };

      // A second between changes, so that deliveries arriving out of order can be recognised as stale.
      const shipped = await act(merchant.placeOrder());
      await passTime(1_000);
      await act(merchant.fulfil(shipped));
      await passTime(1_000);
      await act(merchant.refund(shipped, { lines: [{ sku: 'SB-TEE', quantity: 1, restock: 'return' }] }));
      const edited = await act(merchant.placeOrder());
      await passTime(1_000);
      await act(merchant.editOrder(edited, { setQuantity: [{ sku: 'SB-MUG', quantity: 2 }] }));
      const cancelled = await act(merchant.placeOrder());
      await passTime(1_000);
      await act(merchant.cancel(cancelled, { refund: true, restock: true }));
      await passTime(20_000);

      const deliveries = emulator.webhooks.dispatcher.deliveries();
      expect(deliveries.filter((d) => d.duplicate).length).toBeGreaterThan(0);
      expect(deliveries.map((d) => [d.topic, d.state]).filter(([, state]) => state !== 'delivered')).toEqual(
        [],
      );
      const topics = new Set(deliveries.map((d) => d.topic));
      for (const topic of ['orders/create', 'refunds/create', 'fulfillments/create', 'orders/edited'])
        expect(topics).toContain(topic);

      const receipts = await h.receipts();
      expect(receipts).toHaveLength(new Set(deliveries.map((d) => d.webhookId)).size);
      expect(receipts.filter((receipt) => receipt.outcome === 'stale').length).toBeGreaterThan(0);
      const orderIds = new Set([shipped.id, edited.id, cancelled.id]);
      for (const receipt of receipts) {
        if (receipt.topic === 'inventory_levels/update') expect(receipt.outcome).toBe('ignored');
        else expect(orderIds).toContain(receipt.shopify_order_id);
      }
      // The newest change of each order is never skipped: its delivery is the one that syncs it.
      for (const id of orderIds) {
        const ofOrder = receipts.filter((receipt) => receipt.shopify_order_id === id);
        const newest = Math.max(...ofOrder.map((receipt) => receipt.triggered_at!.getTime()));
        const newestOutcomes = ofOrder
          .filter((r) => r.triggered_at!.getTime() === newest)
          .map((r) => r.outcome);
        expect(newestOutcomes).toContain('accepted');
      }
      const jobs = await h.jobs();
      expect(jobs).toHaveLength(receipts.filter((receipt) => receipt.outcome === 'accepted').length);
      expect(new Set(jobs.map((job) => job.shopify_order_id))).toEqual(orderIds);
    } finally {
      await server.close();
    }
  });
});
