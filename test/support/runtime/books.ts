import { sql } from 'kysely';
import type { Store } from '../../../src/db/index.ts';

/** A document as a finance user compares two books: what it is, what it is for, its amounts. */
export interface DocumentKey {
  type: string;
  shopifyOrderId: string;
  shopifyRefundId: string | null;
  shopifyTransactionId: string | null;
  status: string;
  currency: string;
  amount: number;
  tax: number;
  amountIncludingTax: number;
}

/** The books of one shop: documents, G/L balance per account, stock per item x location. */
export interface Books {
  documents: DocumentKey[];
  /** Documents of one kind for one Shopify order, refund or transaction found more than once. */
  duplicates: string[];
  /** Account no. -> debit - credit (minor units), and each account's number of entries. */
  gl: Record<string, { balance: number; entries: number }>;
  /** `item @ location` -> units on hand. */
  stock: Record<string, number>;
}

export async function readBooks(store: Store, shopCode: string): Promise<Books> {
  const rows = await store.db
    .selectFrom('documents')
    .select([
      'type',
      'shopify_order_id',
      'shopify_refund_id',
      'shopify_transaction_id',
      'status',
      'currency',
      'amount_minor',
      'tax_amount_minor',
      'amount_including_tax_minor',
    ])
    .where('shop_code', '=', shopCode)
    .where('unlinked_at', 'is', null)
    .execute();
  const documents = rows
    .map((row) => ({
      type: row.type,
      shopifyOrderId: row.shopify_order_id,
      shopifyRefundId: row.shopify_refund_id,
      shopifyTransactionId: row.shopify_transaction_id,
      status: row.status,
      currency: row.currency,
      amount: Number(row.amount_minor),
      tax: Number(row.tax_amount_minor),
      amountIncludingTax: Number(row.amount_including_tax_minor),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const seen = new Map<string, number>();
  for (const d of documents) {
    const key = `${d.type} order ${d.shopifyOrderId} refund ${d.shopifyRefundId} transaction ${d.shopifyTransactionId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key}: ${n} times`);

  const gl: Books['gl'] = {};
  const entries = await store.db
    .selectFrom('gl_entries')
    .select(['account_no'])
    .select((eb) => [
      sql<string>`sum(${eb.ref('debit_minor')} - ${eb.ref('credit_minor')})`.as('balance'),
      eb.fn.countAll<string>().as('entries'),
    ])
    .where('shop_code', '=', shopCode)
    .groupBy('account_no')
    .execute();
  for (const e of entries) gl[e.account_no] = { balance: Number(e.balance), entries: Number(e.entries) };

  const stock: Books['stock'] = {};
  const levels = await store.db
    .selectFrom('stock_movements')
    .select(['item_no', 'location_code'])
    .select(sql<string>`sum(quantity)`.as('on_hand'))
    .groupBy(['item_no', 'location_code'])
    .execute();
  for (const l of levels) stock[`${l.item_no} @ ${l.location_code ?? '(blank)'}`] = Number(l.on_hand);
  return { documents, duplicates, gl, stock };
}

/** Each Shopify order of the shop that storebridge imported (the order mirror), and refunds seen. */
export async function importedOrders(store: Store, shopCode: string) {
  const orders = await store.db
    .selectFrom('shopify_orders')
    .select(['shopify_order_id', 'processed', 'conflict', 'updated_at_shopify'])
    .where('shop_code', '=', shopCode)
    .execute();
  const refunds = await store.db
    .selectFrom('order_refunds')
    .select(['shopify_refund_id', 'status', 'error_code'])
    .where('shop_code', '=', shopCode)
    .execute();
  // Orders still waiting in the orders to import, with the error that stopped their import.
  const staged = await store.db
    .selectFrom('orders_to_import')
    .select(['shopify_order_id', 'has_error', 'error_code', 'error_message'])
    .where('shop_code', '=', shopCode)
    .execute();
  return { orders, refunds, staged };
}

/** pg-boss's jobs (schema `pgboss` of a store in `public`): by queue and state, and THROTTLED outcomes. */
export async function jobStates(store: Store) {
  const byState = await sql<{ name: string; state: string; count: string }>`
    select name, state, count(*) as count from pgboss.job group by name, state order by name, state
  `.execute(store.db);
  const throttled = await sql<{ name: string; state: string; output: unknown }>`
    select name, state, output from pgboss.job
    where output::text ilike '%throttl%'
  `.execute(store.db);
  const counts: Record<string, number> = {};
  for (const row of byState.rows) counts[`${row.name} ${row.state}`] = Number(row.count);
  return { counts, throttled: throttled.rows };
}

/** Jobs not finished yet (waiting, retrying or running) in the order and shop queues. */
export function unfinished(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([key]) => /^(order-sync|shop-sync) (created|retry|active)$/.test(key))
    .reduce((sum, [, n]) => sum + n, 0);
}
