import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { JobSender, OrderSyncJob } from '../jobs/contract.ts';
import type { WebhookDelivery, WebhookOrderRef } from '../shopify/index.ts';
import type { RecentlyAccepted } from './recently-accepted.ts';
import type { LatestAccepted, NewWebhookReceipt } from './webhook-receipts-repository.ts';

/**
 * What became of a verified delivery: `accepted` (receipt stored, order sync enqueued),
 * `duplicate` (seen before: nothing written), `stale` (older than a delivery already accepted
 * for the order: stored, nothing enqueued), `ignored` (no order to sync: stored only).
 */
export type ReceiptOutcome = 'accepted' | 'duplicate' | 'stale' | 'ignored';

/** Counts deliveries (metrics); `refused` for the 400/401 answers, whose topic is unverified. */
export type OnWebhookReceipt = (outcome: ReceiptOutcome | 'refused', topic: string) => void;

export interface ReceiveWebhookDeps {
  db: Kysely<Database>;
  jobs: JobSender;
  /** Called once per delivery after its transaction commits (Default: none). */
  onReceipt?: OnWebhookReceipt | undefined;
  /** The receiver's memory of what it accepted, which spares the stale check's query (Default: none). */
  recentlyAccepted?: RecentlyAccepted | undefined;
}

/** A delivery whose HMAC matched, of a configured shop, with its order read from the payload. */
export interface VerifiedDelivery {
  shopCode: string;
  delivery: WebhookDelivery;
  order: Exclude<WebhookOrderRef, { kind: 'missing' }>;
}

/**
 * Older than what an accepted delivery of the same order announced, by the trigger time or by
 * the order's own updated_at (each compared with its like). The sync that delivery enqueued
 * reads the order after that later moment, so it already covers this one. Equal is not older.
 */
export function isStale(
  delivery: WebhookDelivery,
  order: { orderUpdatedAt: Date | null },
  latest: LatestAccepted,
): boolean {
  return (
    isBefore(delivery.triggeredAt, latest.triggeredAt) ||
    isBefore(order.orderUpdatedAt, latest.orderUpdatedAt)
  );
}

/** The job an accepted delivery enqueues. */
export function orderSyncJob(
  shopCode: string,
  delivery: WebhookDelivery,
  order: { shopifyOrderId: string },
): OrderSyncJob {
  return { shopCode, shopifyOrderId: order.shopifyOrderId, cause: `webhook ${delivery.topic}` };
}

function isBefore(time: Date | null, than: Date | null): boolean {
  return time !== null && than !== null && time.getTime() < than.getTime();
}

export function receiptRow(
  verified: VerifiedDelivery,
  outcome: NewWebhookReceipt['outcome'],
): NewWebhookReceipt {
  const { delivery, order } = verified;
  return {
    shopCode: verified.shopCode,
    topic: delivery.topic,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    shopifyOrderId: order.kind === 'order' ? order.shopifyOrderId : null,
    triggeredAt: delivery.triggeredAt,
    orderUpdatedAt: order.kind === 'order' ? order.orderUpdatedAt : null,
    apiVersion: delivery.apiVersion,
    outcome,
  };
}
