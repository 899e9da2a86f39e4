import type { ShopState } from '../domain/index.ts';
import { detectEvents, type DetectedEvent } from './detect-events.ts';
import { DeliveryChaos, type DeliveryChaosOptions } from './delivery-chaos.ts';
import { WebhookDispatcher } from './dispatcher.ts';
import { buildPayload } from './payloads/build-payload.ts';
import { takeOrdersSnapshot, takeSnapshot, type ShopSnapshot } from './shop-snapshot.ts';
import { SubscriptionStore, type SubscriptionInput, type SubscriptionResult } from './subscriptions.ts';

export interface WebhookOptions {
  /** Delivery faults (Default: none). */
  chaos?: DeliveryChaosOptions;
  /** Response deadline per attempt (Default: 5000 ms). */
  timeoutMs?: number;
  /** How often due deliveries and retries are looked for, in real ms (Default: 200). */
  pollMs?: number;
  /** `X-Shopify-API-Version` of new subscriptions (Default: '2025-01'). */
  apiVersion?: string;
}

export interface WebhookServiceDeps {
  state: ShopState;
  /** The emulator's clock (not `state.clock`, which the simulator moves through history). */
  clock: () => Date;
  appSecret: string;
  /** Timer on the emulator clock (Default: none; a poll finds due deliveries instead). */
  setTimer?: (atMs: number, callback: () => void) => void;
}

/**
 * Webhooks for one emulated shop: subscriptions, event detection by snapshot comparison after
 * each change (`afterChange`), and delivery. The snapshot is only kept while a subscription
 * exists, so a shop without subscriptions pays nothing.
 */
export class WebhookService {
  readonly subscriptions: SubscriptionStore;
  readonly chaos: DeliveryChaos;
  readonly dispatcher: WebhookDispatcher;
  private baseline: ShopSnapshot | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushQueued = false;

  constructor(
    private readonly deps: WebhookServiceDeps,
    private readonly options: WebhookOptions = {},
  ) {
    const now = () => deps.clock().toISOString();
    this.subscriptions = new SubscriptionStore({
      now,
      nextId: () => deps.state.nextId(),
      apiVersion: options.apiVersion,
    });
    this.chaos = new DeliveryChaos(options.chaos);
    this.dispatcher = new WebhookDispatcher({
      subscriptions: this.subscriptions,
      chaos: this.chaos,
      clock: deps.clock,
      appSecret: deps.appSecret,
      shopDomain: () => deps.state.data.shop.myshopifyDomain,
      timeoutMs: options.timeoutMs,
      wakeAt: deps.setTimer,
    });
  }

  /** Subscribing starts watching the shop from its current state. */
  subscribe(topic: string, input: SubscriptionInput): SubscriptionResult {
    this.baseline ??= takeSnapshot(this.deps.state);
    return this.subscriptions.create(topic, input);
  }

  /**
   * After a mutating API call, a simulator step or a clock advance: send what changed. With
   * `orderIds` (a simulator step, which touches its own order and stock) only those orders and
   * the inventory are compared; the baseline keeps the others as they were, so a change a step
   * made elsewhere would still be found by the next whole-shop comparison.
   */
  afterChange(orderIds?: readonly number[]): void {
    if (this.subscriptions.list().length === 0) {
      this.baseline = null;
      return;
    }
    const triggeredAt = this.deps.clock().toISOString();
    const events =
      orderIds && this.baseline ? this.compareOrders(this.baseline, orderIds) : this.compareShop();
    for (const event of events) {
      const payload = buildPayload(this.deps.state, event);
      if (payload !== null) this.dispatcher.enqueue({ topic: event.topic, payload, triggeredAt });
    }
    this.flushSoon();
  }

  private compareShop(): DetectedEvent[] {
    const next = takeSnapshot(this.deps.state);
    const previous = this.baseline ?? next;
    this.baseline = next;
    return detectEvents(previous, next);
  }

  /** Updates the baseline in place for these orders (a deleted one leaves it). */
  private compareOrders(baseline: ShopSnapshot, orderIds: readonly number[]): DetectedEvent[] {
    const next = takeOrdersSnapshot(this.deps.state, orderIds);
    const previous: ShopSnapshot = { orders: new Map(), inventory: baseline.inventory };
    for (const id of orderIds) {
      const before = baseline.orders.get(id);
      if (before) previous.orders.set(id, before);
      const after = next.orders.get(id);
      if (after) baseline.orders.set(id, after);
      else baseline.orders.delete(id);
    }
    baseline.inventory = next.inventory;
    return detectEvents(previous, next);
  }

  /** Events the snapshot cannot see (bulk_operations/finish): the payload is given. */
  publish(topic: string, payload: unknown): void {
    this.dispatcher.enqueue({ topic, payload, triggeredAt: this.deps.clock().toISOString() });
    this.flushSoon();
  }

  /**
   * Sends once the current turn of the event loop is over. A simulation runs all its steps in
   * one synchronous call: a POST started there cannot be sent before the call ends, so its 5 s
   * timeout ran out on the emulator's own work (every delivery of a 250-order chunk failed and
   * was retried), and each step's flush kept every earlier attempt alive.
   */
  private flushSoon(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      void this.dispatcher.flushDue();
    });
  }

  /** After `/__emulator/reset`: the emptied shop is the new starting point, not a deletion. */
  rebaseline(): void {
    this.baseline = this.subscriptions.list().length > 0 ? takeSnapshot(this.deps.state) : null;
  }

  /** Sends what is due now, including retries made due by moving the clock, and waits. */
  settle(): Promise<void> {
    return this.dispatcher.settle();
  }

  /** Polls for due deliveries so that delays and retries fire as the clock moves. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.dispatcher.flushDue(), this.options.pollMs ?? 200);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
