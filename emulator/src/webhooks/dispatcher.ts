import { randomUUID } from 'node:crypto';
import type { DeliveryChaos } from './delivery-chaos.ts';
import type { Delivery } from './deliveries.ts';
import { postWebhook } from './post-webhook.ts';
import { DELIVERY_TIMEOUT_MS, retryDelayMs } from './retry-schedule.ts';
import { webhookHeaders } from './sign-webhook.ts';
import type { SubscriptionStore } from './subscriptions.ts';

export interface DispatcherOptions {
  subscriptions: SubscriptionStore;
  chaos: DeliveryChaos;
  /** The emulator's clock (movable in tests): schedules retries and delays. */
  clock: () => Date;
  appSecret: string;
  shopDomain: () => string;
  /** Response deadline (Default: 5000 ms, Shopify's). */
  timeoutMs?: number;
  /** Deliveries kept in the log, oldest dropped first (Default: 10000). */
  logLimit?: number;
  /** Wakes the dispatcher when the clock reaches a due time (the controllable clock's timers). */
  wakeAt?: (atMs: number, wake: () => void) => void;
}

export interface WebhookEvent {
  topic: string;
  payload: unknown;
  triggeredAt: string;
}

/**
 * Sends each event to every subscription of its topic, retries failures on the emulator clock
 * (retry-schedule.ts) with the original payload, and removes a subscription whose delivery
 * failed all 8 retries: Shopify deletes an Admin API subscription after 8 consecutive failures
 * (shopify.dev "Troubleshooting webhooks").
 */
export class WebhookDispatcher {
  private readonly log: Delivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private sequence = 0;

  constructor(private readonly options: DispatcherOptions) {}

  deliveries(): readonly Delivery[] {
    return this.log;
  }

  resetLog(): void {
    this.log.splice(0, this.log.length, ...this.log.filter((d) => d.dueAt !== null));
  }

  /** One X-Shopify-Event-Id for the event; one X-Shopify-Webhook-Id per subscription. */
  enqueue(event: WebhookEvent): void {
    const eventId = randomUUID();
    const body = JSON.stringify(event.payload);
    for (const subscription of this.options.subscriptions.forTopic(event.topic)) {
      const decision = this.options.chaos.decide();
      const base = {
        webhookId: randomUUID(),
        eventId,
        topic: event.topic,
        subscriptionId: subscription.id,
        address: subscription.callbackUrl,
        apiVersion: subscription.apiVersion,
        triggeredAt: event.triggeredAt,
        body,
      };
      this.add({ ...base, duplicate: false }, decision.drop ? null : decision.delayMs);
      if (decision.duplicateDelayMs !== null)
        this.add({ ...base, duplicate: true }, decision.duplicateDelayMs);
    }
  }

  /** Starts every attempt that is due now and waits for them. */
  async flushDue(): Promise<void> {
    const now = this.options.clock().getTime();
    for (const delivery of this.log) {
      if (delivery.dueAt !== null && delivery.dueAt <= now) this.start(delivery);
    }
    await Promise.all([...this.inFlight]);
  }

  /** Waits until nothing is due or in flight (tests, `POST /__emulator/webhooks/flush`). */
  async settle(): Promise<void> {
    do await this.flushDue();
    while (this.inFlight.size > 0 || this.hasDue());
  }

  private hasDue(): boolean {
    const now = this.options.clock().getTime();
    return this.log.some((delivery) => delivery.dueAt !== null && delivery.dueAt <= now);
  }

  /** A dropped delivery (delay null) is logged but never sent. */
  private add(fields: Omit<Delivery, 'sequence' | 'state' | 'attempts' | 'dueAt'>, delayMs: number | null) {
    const delivery: Delivery = {
      ...fields,
      sequence: ++this.sequence,
      state: delayMs === null ? 'dropped' : 'scheduled',
      attempts: [],
      dueAt: delayMs === null ? null : this.options.clock().getTime() + delayMs,
    };
    this.log.push(delivery);
    if (delivery.dueAt !== null && delayMs !== null && delayMs > 0) this.wakeAt(delivery.dueAt);
    const limit = this.options.logLimit ?? 10_000;
    if (this.log.length > limit) this.log.splice(0, this.log.length - limit);
  }

  private wakeAt(atMs: number): void {
    this.options.wakeAt?.(atMs, () => void this.flushDue());
  }

  private start(delivery: Delivery): void {
    delivery.dueAt = null;
    const attempt = this.attempt(delivery).finally(() => this.inFlight.delete(attempt));
    this.inFlight.add(attempt);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const headers = webhookHeaders(delivery.body, this.options.appSecret, {
      topic: delivery.topic,
      shopDomain: this.options.shopDomain(),
      apiVersion: delivery.apiVersion,
      webhookId: delivery.webhookId,
      eventId: delivery.eventId,
      triggeredAt: delivery.triggeredAt,
    });
    const at = this.options.clock().toISOString();
    const timeoutMs = this.options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    const outcome = await postWebhook(delivery.address, headers, delivery.body, timeoutMs);
    delivery.attempts.push({
      at,
      status: outcome.status,
      error: outcome.error,
      durationMs: outcome.durationMs,
    });
    if (outcome.ok) {
      delivery.state = 'delivered';
      return;
    }
    this.scheduleRetry(delivery);
  }

  private scheduleRetry(delivery: Delivery): void {
    if (!this.options.subscriptions.get(delivery.subscriptionId)) {
      delivery.state = 'abandoned';
      return;
    }
    const delay = retryDelayMs(delivery.attempts.length);
    if (delay !== undefined) {
      delivery.state = 'retrying';
      delivery.dueAt = this.options.clock().getTime() + delay;
      this.wakeAt(delivery.dueAt);
      return;
    }
    delivery.state = 'failed';
    this.removeSubscription(delivery.subscriptionId);
  }

  /** The subscription is deleted and its waiting deliveries abandoned. */
  private removeSubscription(subscriptionId: number): void {
    this.options.subscriptions.delete(subscriptionId);
    for (const other of this.log) {
      if (other.subscriptionId === subscriptionId && other.dueAt !== null) {
        other.dueAt = null;
        other.state = 'abandoned';
      }
    }
  }
}
