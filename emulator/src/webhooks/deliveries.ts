/** Where one delivery stands: a closed set, as Shopify's delivery metrics name them. */
export type DeliveryState = 'scheduled' | 'retrying' | 'delivered' | 'failed' | 'dropped' | 'abandoned';

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One webhook to one subscription (and its retries); a chaos duplicate is its own entry. */
export interface Delivery {
  /** Position in the log (1, 2, ...). */
  sequence: number;
  /** `X-Shopify-Webhook-Id`: the same on every retry and on a duplicate. */
  webhookId: string;
  /** `X-Shopify-Event-Id`: the same for every delivery of one event. */
  eventId: string;
  topic: string;
  subscriptionId: number;
  /** The address when the event fired; retries go there even if the subscription changes. */
  address: string;
  apiVersion: string;
  triggeredAt: string;
  body: string;
  duplicate: boolean;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** Emulator-clock time (epoch ms) of the next attempt, null when done. */
  dueAt: number | null;
}

/** The log entry shown at `GET /__emulator/webhooks/deliveries`. */
export function deliveryView(delivery: Delivery) {
  const { body, dueAt, ...rest } = delivery;
  return {
    ...rest,
    retries: Math.max(0, delivery.attempts.length - 1),
    nextAttemptAt: dueAt === null ? null : new Date(dueAt).toISOString(),
    payload: JSON.parse(body) as unknown,
  };
}
