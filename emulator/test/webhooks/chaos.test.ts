import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../http/harness.ts';
import { startReceiver } from './receiver.ts';

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeEach(async () => {
  receiver = await startReceiver();
  h = await startHarness({ seed: { kind: 'demo', orders: 0 } });
});
afterEach(async () => {
  await h.emulator.close();
  await receiver.close();
});

describe('delivery chaos (seeded)', () => {
  it('duplicates and drops deliveries at the configured rates and delays them within the window', async () => {
    const set = await h.raw('/__emulator/webhooks/chaos', {
      method: 'POST',
      body: JSON.stringify({ seed: 42, duplicateRate: 0.2, dropRate: 0.1, delayWindowMs: 60_000 }),
    });
    expect(set.status).toBe(200);
    h.emulator.webhooks.subscribe('ORDERS_UPDATED', { callbackUrl: receiver.url });
    h.emulator.webhooks.subscribe('INVENTORY_LEVELS_UPDATE', { callbackUrl: receiver.url });
    await h.raw('/__emulator/simulate', { method: 'POST', body: JSON.stringify({ orders: 120, seed: 3 }) });
    h.emulator.clock.advance(60_000);
    await h.emulator.webhooks.settle();
    const log = (await (await h.raw('/__emulator/webhooks/deliveries')).json()) as {
      duplicate: boolean;
      state: string;
      webhookId: string;
      attempts: unknown[];
    }[];
    const originals = log.filter((d) => !d.duplicate);
    const duplicates = log.filter((d) => d.duplicate);
    const dropped = originals.filter((d) => d.state === 'dropped');
    expect(originals.length).toBeGreaterThan(500);
    expect(duplicates.length / originals.length).toBeGreaterThan(0.15);
    expect(duplicates.length / originals.length).toBeLessThan(0.25);
    expect(dropped.length / originals.length).toBeGreaterThan(0.07);
    expect(dropped.length / originals.length).toBeLessThan(0.13);
    // A duplicate carries the original's X-Shopify-Webhook-Id (best practices: ignore duplicates).
    const ids = new Set(originals.map((d) => d.webhookId));
    expect(duplicates.every((d) => ids.has(d.webhookId))).toBe(true);
    // Every delivered delivery arrived. An attempt that outlived Shopify's 5 s timeout on a busy
    // machine is retried and so arrives twice: count arrivals against attempts, not deliveries.
    const delivered = log.filter((d) => d.state === 'delivered');
    const arrivedIds = new Set(receiver.received.map((r) => r.headers['x-shopify-webhook-id']));
    expect(delivered.filter((d) => !arrivedIds.has(d.webhookId))).toEqual([]);
    expect(receiver.received.length).toBeGreaterThanOrEqual(delivered.length);
    expect(receiver.received.length).toBeLessThanOrEqual(log.reduce((n, d) => n + d.attempts.length, 0));
    // Delays reorder deliveries: arrival order differs from the log's order.
    const arrival = receiver.received.map((r) => r.headers['x-shopify-webhook-id']);
    const logged = log.filter((d) => d.state === 'delivered').map((d) => d.webhookId);
    expect(arrival).not.toEqual(logged);
  }, 60_000);
});
