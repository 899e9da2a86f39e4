import type { ShopState } from '../domain/index.ts';
import { detectEvents } from './detect-events.ts';
import { DeliveryChaos, type DeliveryChaosOptions } from './delivery-chaos.ts';
import { WebhookDispatcher } from './dispatcher.ts';
import { buildPayload } from './payloads/build-payload.ts';
import { takeSnapshot, type ShopSnapshot } from './shop-snapshot.ts';
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

  /** After a mutating API call, a simulator step or a clock advance: send what changed. */
  afterChange(): void {
    if (this.subscriptions.list().length === 0) {
      this.baseline = null;
      return;
    }
    const next = takeSnapshot(this.deps.state);
    const previous = this.baseline ?? next;
    this.baseline = next;
    const triggeredAt = this.deps.clock().toISOString();
    for (const event of detectEvents(previous, next)) {
      const payload = buildPayload(this.deps.state, event);
      if (payload !== null) this.dispatcher.enqueue({ topic: event.topic, payload, triggeredAt });
    }
    void this.dispatcher.flushDue();
  }

  /** Events the snapshot cannot see (bulk_operations/finish): the payload is given. */
  publish(topic: string, payload: unknown): void {
    this.dispatcher.enqueue({ topic, payload, triggeredAt: this.deps.clock().toISOString() });
    void this.dispatcher.flushDue();
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
