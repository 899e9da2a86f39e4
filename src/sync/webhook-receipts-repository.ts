import { sql, type Kysely } from 'kysely';
import { prepareOnce, type Database } from '../db/index.ts';

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
  const rows = [...receipts].sort((a, b) => compare(receiptKey(a), receiptKey(b)));
  const column = <T>(pick: (receipt: NewWebhookReceipt) => T) => rows.map(pick);
  // One text for any number of rows (arrays, not a VALUES list): prepared once per connection.
  const { rows: inserted } = await sql<{ shop_code: string; webhook_id: string }>`${sql.raw(prepareOnce)}
    insert into webhook_receipts (shop_code, topic, webhook_id, event_id, shopify_order_id,
      triggered_at, order_updated_at, api_version, outcome)
    select * from unnest(${column((r) => r.shopCode)}::text[], ${column((r) => r.topic)}::text[],
      ${column((r) => r.webhookId)}::text[], ${column((r) => r.eventId)}::text[],
      ${column((r) => r.shopifyOrderId)}::text[], ${column((r) => r.triggeredAt)}::timestamptz[],
      ${column((r) => r.orderUpdatedAt)}::timestamptz[], ${column((r) => r.apiVersion)}::text[],
      ${column((r) => r.outcome)}::text[])
    on conflict do nothing
    returning shop_code, webhook_id`.execute(db);
  const stored = new Set(
    inserted.map((row) => receiptKey({ shopCode: row.shop_code, webhookId: row.webhook_id })),
  );
  return receipts.map((receipt) => stored.has(receiptKey(receipt)));
}

function receiptKey(receipt: { shopCode: string; webhookId: string }): string {
  return `${receipt.shopCode}\u0000${receipt.webhookId}`;
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
  const asked = [...new Map(orders.map((order) => [receiptOrderKey(order), order])).values()];
  if (asked.length === 0) return latest;
  // One probe of the order index per asked order (a lateral subquery), whatever the planner
  // believes: with `shop in (...) and order in (...) group by`, a young table without statistics
  // (the first minutes after install, or after pruning) was read through the index by shop
  // alone, every receipt of the shop for every group, 6,000 buffers a call at 10,000 receipts.
  const { rows } = await sql<LatestRow>`${sql.raw(prepareOnce)}
    select asked.shop_code, asked.shopify_order_id, newest.triggered_at, newest.order_updated_at
    from unnest(${asked.map((order) => order.shopCode)}::text[],
                ${asked.map((order) => order.shopifyOrderId)}::text[]) as asked (shop_code, shopify_order_id)
    cross join lateral (
      select max(receipt.triggered_at) as triggered_at, max(receipt.order_updated_at) as order_updated_at
      from webhook_receipts receipt
      where receipt.shop_code = asked.shop_code
        and receipt.shopify_order_id = asked.shopify_order_id
        and receipt.outcome = 'accepted'
    ) as newest
    where newest.triggered_at is not null or newest.order_updated_at is not null`.execute(db);
  for (const row of rows) {
    latest.set(receiptOrderKey({ shopCode: row.shop_code, shopifyOrderId: row.shopify_order_id }), {
      triggeredAt: toDate(row.triggered_at),
      orderUpdatedAt: toDate(row.order_updated_at),
    });
  }
  return latest;
}

interface LatestRow {
  shop_code: string;
  shopify_order_id: string;
  triggered_at: Date | string | null;
  order_updated_at: Date | string | null;
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
