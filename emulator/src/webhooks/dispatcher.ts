import { randomUUID } from 'node:crypto';
import type { DeliveryChaos } from './delivery-chaos.ts';
import type { Delivery, DeliveryState } from './deliveries.ts';
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
  /**
   * Finished deliveries kept in the log with their payloads, oldest dropped first (Default:
   * 10000); deliveries still waiting for an attempt are always kept.
   */
  logLimit?: number;
  /**
   * Attempts in flight at once (Default: 100); due deliveries beyond it wait for a free place.
   * Starting a 250-order chunk's ~3,600 deliveries at once opened as many sockets (EMFILE in
   * bench:scale-out) and ran the sink's connections into resets.
   */
  maxInFlight?: number;
  /** Wakes the dispatcher when the clock reaches a due time (the controllable clock's timers). */
  wakeAt?: (atMs: number, wake: () => void) => void;
}

/** Totals over every delivery, kept when the log drops old entries. */
export interface DeliveryCounts {
  logged: number;
  duplicates: number;
  states: Record<DeliveryState, number>;
}

function finished(delivery: Delivery): boolean {
  return delivery.state !== 'scheduled' && delivery.state !== 'retrying';
}

function emptyTotals(): DeliveryCounts {
  const states = { scheduled: 0, retrying: 0, delivered: 0, failed: 0, dropped: 0, abandoned: 0 };
  return { logged: 0, duplicates: 0, states };
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
  /** Oldest first; finished entries beyond `logLimit` are dropped, waiting ones never. */
  private log: Delivery[] = [];
  /** Deliveries with an attempt to come (dueAt set): due ones are found here, not in the log. */
  private readonly waiting = new Set<Delivery>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly totals = emptyTotals();
  private sequence = 0;

  constructor(private readonly options: DispatcherOptions) {}

  deliveries(): readonly Delivery[] {
    return this.log;
  }

  /** Every delivery since start (or the last reset), including those the log has dropped. */
  counts(): DeliveryCounts {
    return { ...this.totals, states: { ...this.totals.states } };
  }

  resetLog(): void {
    this.log = this.log.filter((d) => !finished(d));
    Object.assign(this.totals, emptyTotals());
    for (const delivery of this.log) this.count(delivery);
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

  /**
   * Starts every attempt that is due now and waits for those. Only the ones it started: awaiting
   * everything in flight on each call held one array and one reaction per in-flight attempt per
   * call, and a simulation calling this after each of its steps ran the heap out.
   */
  async flushDue(): Promise<void> {
    const now = this.options.clock().getTime();
    const started: Promise<void>[] = [];
    const limit = this.options.maxInFlight ?? 100;
    for (const delivery of this.waiting) {
      if (this.inFlight.size >= limit) break;
      if (delivery.dueAt !== null && delivery.dueAt <= now) started.push(this.start(delivery));
    }
    await Promise.all(started);
  }

  /** Waits until nothing is due or in flight (tests, `POST /__emulator/webhooks/flush`). */
  async settle(): Promise<void> {
    do {
      await this.flushDue();
      await Promise.all([...this.inFlight]);
    } while (this.inFlight.size > 0 || this.hasDue());
  }

  private hasDue(): boolean {
    const now = this.options.clock().getTime();
    for (const delivery of this.waiting) if (delivery.dueAt !== null && delivery.dueAt <= now) return true;
    return false;
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
    this.count(delivery);
    if (delivery.dueAt !== null) this.waiting.add(delivery);
    if (delivery.dueAt !== null && delayMs !== null && delayMs > 0) this.wakeAt(delivery.dueAt);
    this.trimLog();
  }

  /**
   * Drops the oldest finished entries once the log is a tenth over its limit (one pass per
   * thousand deliveries at the Default, not one per delivery). A waiting or in-flight delivery
   * stays: it still has to be sent or recorded, and before, trimming by position lost it.
   */
  private trimLog(): void {
    const limit = this.options.logLimit ?? 10_000;
    if (this.log.length <= limit + Math.ceil(limit / 10)) return;
    let excess = this.log.length - limit;
    this.log = this.log.filter((delivery) => {
      if (excess === 0 || !finished(delivery)) return true;
      excess -= 1;
      return false;
    });
  }

  private setState(delivery: Delivery, state: DeliveryState): void {
    this.totals.states[delivery.state] -= 1;
    delivery.state = state;
    this.totals.states[state] += 1;
  }

  private count(delivery: Delivery): void {
    this.totals.logged += 1;
    if (delivery.duplicate) this.totals.duplicates += 1;
    this.totals.states[delivery.state] += 1;
  }

  private wakeAt(atMs: number): void {
    this.options.wakeAt?.(atMs, () => void this.flushDue());
  }

  private start(delivery: Delivery): Promise<void> {
    delivery.dueAt = null;
    this.waiting.delete(delivery);
    const attempt = this.attempt(delivery).finally(() => {
      this.inFlight.delete(attempt);
      // The next due delivery takes the freed place (the cap left it waiting).
      if (this.hasDue()) void this.flushDue();
    });
    this.inFlight.add(attempt);
    return attempt;
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
      this.setState(delivery, 'delivered');
      return;
    }
    this.scheduleRetry(delivery);
  }

  private scheduleRetry(delivery: Delivery): void {
    if (!this.options.subscriptions.get(delivery.subscriptionId)) {
      this.setState(delivery, 'abandoned');
      return;
    }
    const delay = retryDelayMs(delivery.attempts.length);
    if (delay !== undefined) {
      this.setState(delivery, 'retrying');
      delivery.dueAt = this.options.clock().getTime() + delay;
      this.waiting.add(delivery);
      this.wakeAt(delivery.dueAt);
      return;
    }
    this.setState(delivery, 'failed');
    this.removeSubscription(delivery.subscriptionId);
  }

  /** The subscription is deleted and its waiting deliveries abandoned. */
  private removeSubscription(subscriptionId: number): void {
    this.options.subscriptions.delete(subscriptionId);
    for (const other of this.waiting) {
      if (other.subscriptionId === subscriptionId) {
        other.dueAt = null;
        this.waiting.delete(other);
        this.setState(other, 'abandoned');
      }
    }
  }
}
