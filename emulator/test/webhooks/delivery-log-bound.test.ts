import { describe, expect, it } from 'vitest';
import { DeliveryChaos } from '../../src/webhooks/delivery-chaos.ts';
import { WebhookDispatcher } from '../../src/webhooks/dispatcher.ts';
import { SubscriptionStore } from '../../src/webhooks/subscriptions.ts';

// No HTTP here: nothing is flushed, so deliveries stay waiting or were dropped by chaos.
function dispatcherWith(chaos: DeliveryChaos) {
  let id = 0;
  const subscriptions = new SubscriptionStore({ now: () => '2025-01-01T00:00:00Z', nextId: () => ++id });
  subscriptions.create('ORDERS_CREATE', { callbackUrl: 'http://127.0.0.1:9/hook' });
  const at = new Date('2025-01-01T00:00:00Z');
  return new WebhookDispatcher({
    subscriptions,
    chaos,
    clock: () => at,
    appSecret: 'secret',
    shopDomain: () => 'shop.myshopify.com',
    logLimit: 10,
  });
}

const event = (n: number) => ({
  topic: 'orders/create',
  payload: { id: n },
  triggeredAt: '2025-01-01T00:00:00Z',
});

describe('delivery log bound', () => {
  it('drops the oldest finished deliveries beyond the limit and counts every delivery', () => {
    const dispatcher = dispatcherWith(new DeliveryChaos({ dropRate: 1 }));
    for (let n = 1; n <= 30; n += 1) dispatcher.enqueue(event(n));
    const log = dispatcher.deliveries();
    expect(log.length).toBeLessThanOrEqual(11);
    expect(log.at(-1)?.sequence).toBe(30);
    expect(dispatcher.counts()).toMatchObject({ logged: 30, states: { dropped: 30 } });
  });

  it('keeps every delivery still waiting for its attempt', () => {
    const dispatcher = dispatcherWith(new DeliveryChaos({ delayWindowMs: 60_000 }));
    for (let n = 1; n <= 30; n += 1) dispatcher.enqueue(event(n));
    expect(dispatcher.deliveries()).toHaveLength(30);
    expect(dispatcher.counts().states.scheduled).toBe(30);
  });
});
