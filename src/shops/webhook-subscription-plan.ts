/**
 * Which webhook subscriptions a shop needs and what it takes to get there from what Shopify has:
 * pure, no I/O (sync-webhook-subscriptions.ts carries the plan out).
 */

/**
 * The topics storebridge listens to (issue 7): orders, refunds, transactions, fulfillments,
 * returns and inventory, as `WebhookSubscriptionTopic` values present in the 2025-01 and later
 * schemas (https://shopify.dev/docs/api/admin-graphql/latest/enums/WebhookSubscriptionTopic).
 */
export const wantedWebhookTopics = [
  'ORDERS_CREATE',
  'ORDERS_UPDATED',
  'ORDERS_PAID',
  'ORDERS_CANCELLED',
  'ORDERS_FULFILLED',
  'ORDERS_PARTIALLY_FULFILLED',
  'ORDERS_EDITED',
  'REFUNDS_CREATE',
  'ORDER_TRANSACTIONS_CREATE',
  'FULFILLMENTS_CREATE',
  'FULFILLMENTS_UPDATE',
  'RETURNS_REQUEST',
  'RETURNS_APPROVE',
  'RETURNS_DECLINE',
  'RETURNS_CANCEL',
  'RETURNS_CLOSE',
  'RETURNS_REOPEN',
  'INVENTORY_LEVELS_UPDATE',
] as const;

/** The path of storebridge's webhook receiver, under the public URL. */
export const webhookReceiverPath = '/webhooks/shopify';

/** The receiver's payloads are JSON (XML is the other WebhookSubscriptionFormat). */
export const wantedFormat = 'JSON';

export interface ExistingSubscription {
  id: string;
  topic: string;
  format: string;
  /** Null for an EventBridge or Pub/Sub endpoint. */
  callbackUrl: string | null;
}

export interface SubscriptionPlan {
  create: string[];
  /** Ours, pointing elsewhere or in another format: moved to the wanted address and format. */
  update: ExistingSubscription[];
  /** Ours and not wanted: a topic we no longer need, a second one for a topic, or all when off. */
  delete: ExistingSubscription[];
  unchanged: ExistingSubscription[];
}

/**
 * The callback address for a public URL: `<public url>/webhooks/shopify`. A URL that already ends
 * in the receiver's path is taken as the callback address itself.
 */
export function callbackUrlFor(publicUrl: string): string {
  const base = publicUrl.trim().replace(/\/+$/, '');
  return base.endsWith(webhookReceiverPath) ? base : `${base}${webhookReceiverPath}`;
}

/**
 * Ours: an HTTP subscription to storebridge's receiver path, on whatever host (a moved public URL
 * leaves ours on the old host; they are moved, not duplicated). Shopify lists only the asking
 * app's subscriptions, so another path is something else the merchant set up with this app, and
 * is left alone (https://shopify.dev/docs/apps/build/webhooks/subscribe).
 */
export function isOurs(subscription: ExistingSubscription): boolean {
  if (subscription.callbackUrl === null) return false;
  try {
    return new URL(subscription.callbackUrl).pathname.replace(/\/+$/, '').endsWith(webhookReceiverPath);
  } catch {
    return false;
  }
}

/**
 * From the existing subscriptions to the wanted ones: `callbackUrl` null means none are wanted
 * (auto sync off), and all of ours go. For each wanted topic one of ours is kept (the one already
 * right, else the one at the wanted address, else the first) and updated if it must be; the rest
 * of ours go. Deleting before updating and creating keeps Shopify from refusing an address that is
 * "already taken" for a topic.
 */
export function planWebhookSubscriptions(
  existing: readonly ExistingSubscription[],
  callbackUrl: string | null,
  topics: readonly string[] = wantedWebhookTopics,
): SubscriptionPlan {
  const ours = existing.filter(isOurs);
  const plan: SubscriptionPlan = { create: [], update: [], delete: [], unchanged: [] };
  const wanted = callbackUrl === null ? [] : [...new Set(topics)];
  for (const topic of wanted) {
    const forTopic = ours.filter((subscription) => subscription.topic === topic);
    const kept = pickKept(forTopic, callbackUrl!);
    if (!kept) plan.create.push(topic);
    else if (isRight(kept, callbackUrl!)) plan.unchanged.push(kept);
    else plan.update.push(kept);
  }
  const kept = new Set([...plan.update, ...plan.unchanged]);
  plan.delete = ours.filter((subscription) => !kept.has(subscription));
  return plan;
}

function pickKept(candidates: readonly ExistingSubscription[], callbackUrl: string) {
  return (
    candidates.find((s) => isRight(s, callbackUrl)) ??
    candidates.find((s) => s.callbackUrl === callbackUrl) ??
    candidates[0]
  );
}

function isRight(subscription: ExistingSubscription, callbackUrl: string): boolean {
  return subscription.callbackUrl === callbackUrl && subscription.format === wantedFormat;
}
