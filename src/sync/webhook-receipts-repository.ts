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
 * Receipts in one statement (the receiver's group commit); for each, whether it was stored
 * (false: a repeat of a stored one). `on conflict do nothing` waits for a concurrent insert of
 * the same key to commit or roll back, so of two racing copies exactly one is stored. The
 * receipts must not repeat each other's keys.
 * Rows go in sorted by webhook id, so two groups committing at once take the key index's locks in
 * one order and cannot deadlock on them.
 */
export async function insertWebhookReceipts(
  db: Kysely<Database>,
  receipts: readonly NewWebhookReceipt[],
): Promise<boolean[]> {
  if (receipts.length === 0) return [];
  const rows = receipts.map(receiptColumns).sort((a, b) => compare(receiptKey(a), receiptKey(b)));
  const inserted = await db
    .insertInto('webhook_receipts')
    .values(rows)
    .onConflict((conflict) => conflict.doNothing())
    .returning(['shop_code', 'webhook_id'])
    .execute();
  const stored = new Set(inserted.map(receiptKey));
  return receipts.map((receipt) => stored.has(receiptKey(receiptColumns(receipt))));
}

function receiptColumns(receipt: NewWebhookReceipt) {
  return {
    shop_code: receipt.shopCode,
    topic: receipt.topic,
    webhook_id: receipt.webhookId,
    event_id: receipt.eventId,
    shopify_order_id: receipt.shopifyOrderId,
    triggered_at: receipt.triggeredAt,
    order_updated_at: receipt.orderUpdatedAt,
    api_version: receipt.apiVersion,
    outcome: receipt.outcome,
  };
}

function receiptKey(row: { shop_code: string; webhook_id: string }): string {
  return `${row.shop_code}\u0000${row.webhook_id}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Counts repeated deliveries (not stored as receipts) per shop and topic, for the web UI's
 * webhook page: one log row per topic of the group, never an update of a shared counter row,
 * whose lock would make concurrent group commits wait for each other (0019).
 */
export async function countWebhookRepeats(
  db: Kysely<Database>,
  repeats: readonly { shopCode: string; topic: string }[],
): Promise<void> {
  if (repeats.length === 0) return;
  const counts = new Map<string, { shop_code: string; topic: string; repeats: number }>();
  for (const { shopCode, topic } of repeats) {
    const key = `${shopCode}\u0000${topic}`;
    const row = counts.get(key) ?? { shop_code: shopCode, topic, repeats: 0 };
    row.repeats += 1;
    counts.set(key, row);
  }
  await db
    .insertInto('webhook_repeats')
    .values([...counts.values()])
    .execute();
}

/** An order as the stale check names it. */
export interface ReceiptOrder {
  shopCode: string;
  shopifyOrderId: string;
}

/** The newest versions accepted deliveries announced, per order, in one query, keyed by `receiptOrderKey`. */
export async function latestAcceptedReceipts(
  db: Kysely<Database>,
  orders: readonly ReceiptOrder[],
): Promise<Map<string, LatestAccepted>> {
  const latest = new Map<string, LatestAccepted>();
  if (orders.length === 0) return latest;
  const rows = await db
    .selectFrom('webhook_receipts')
    .select((eb) => [
      'shop_code',
      'shopify_order_id',
      eb.fn.max('triggered_at').as('triggered_at'),
      eb.fn.max('order_updated_at').as('order_updated_at'),
    ])
    // Shops x order ids, not (shop, order) pairs: one index scan with `= any`, planned in a tenth
    // of the time of the pairs' OR (a group is nearly always one shop); other pairs are dropped.
    .where('shop_code', 'in', [...new Set(orders.map((order) => order.shopCode))])
    .where('shopify_order_id', 'in', [...new Set(orders.map((order) => order.shopifyOrderId))])
    .where('outcome', '=', 'accepted')
    .groupBy(['shop_code', 'shopify_order_id'])
    .execute();
  const asked = new Set(orders.map(receiptOrderKey));
  for (const row of rows) {
    const key = receiptOrderKey({ shopCode: row.shop_code, shopifyOrderId: row.shopify_order_id ?? '' });
    if (!asked.has(key)) continue;
    latest.set(key, { triggeredAt: toDate(row.triggered_at), orderUpdatedAt: toDate(row.order_updated_at) });
  }
  return latest;
}

export function receiptOrderKey(order: ReceiptOrder): string {
  return `${order.shopCode}\u0000${order.shopifyOrderId}`;
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
  const before = new Date(Date.now() - days * 86_400_000);
  const result = await db.deleteFrom('webhook_receipts').where('received_at', '<', before).executeTakeFirst();
  // The repeats' log counts the same period as the receipts (webhookReceiptSummary).
  await db.deleteFrom('webhook_repeats').where('received_at', '<', before).execute();
  return Number(result.numDeletedRows);
}
