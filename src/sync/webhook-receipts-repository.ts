import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';

/** A stored outcome; a repeat (`duplicate`) is never stored (0009). */
export type StoredOutcome = 'accepted' | 'stale' | 'ignored';

/** A `webhook_receipts` row in camelCase; the only place that knows the column names. */
export interface NewWebhookReceipt {
  shopCode: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  shopifyOrderId: string | null;
  triggeredAt: Date | null;
  orderUpdatedAt: Date | null;
  apiVersion: string | null;
  outcome: StoredOutcome;
}

/** The newest versions of an order that earlier accepted deliveries announced. */
export interface LatestAccepted {
  triggeredAt: Date | null;
  orderUpdatedAt: Date | null;
}

/**
 * Stores the receipt unless one with the same webhook id, or event id and topic, exists; false
 * for such a repeat. `on conflict do nothing` waits for a concurrent insert of the same key to
 * commit or roll back, so of two racing copies exactly one is stored.
 */
export async function insertWebhookReceipt(
  db: Kysely<Database>,
  receipt: NewWebhookReceipt,
): Promise<boolean> {
  const inserted = await db
    .insertInto('webhook_receipts')
    .values({
      shop_code: receipt.shopCode,
      topic: receipt.topic,
      webhook_id: receipt.webhookId,
      event_id: receipt.eventId,
      shopify_order_id: receipt.shopifyOrderId,
      triggered_at: receipt.triggeredAt,
      order_updated_at: receipt.orderUpdatedAt,
      api_version: receipt.apiVersion,
      outcome: receipt.outcome,
    })
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function latestAcceptedReceipt(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<LatestAccepted> {
  const row = await db
    .selectFrom('webhook_receipts')
    .select((eb) => [
      eb.fn.max('triggered_at').as('triggered_at'),
      eb.fn.max('order_updated_at').as('order_updated_at'),
    ])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .where('outcome', '=', 'accepted')
    .executeTakeFirst();
  return { triggeredAt: toDate(row?.triggered_at), orderUpdatedAt: toDate(row?.order_updated_at) };
}

function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
}

/**
 * Receipts only need to outlive Shopify's redeliveries (it retries a failed delivery 8 times
 * over 4 hours) and the stale check of an order's next change: after `days` they go.
 */
export async function pruneWebhookReceipts(db: Kysely<Database>, days: number): Promise<number> {
  const result = await db
    .deleteFrom('webhook_receipts')
    .where('received_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
