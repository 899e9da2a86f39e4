import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ShopifyOrdersTable } from '../db/index.ts';
import type { Order } from '../domain/order.ts';
import type { RefundConversion } from '../rules/order-change.ts';
import { iso } from './staging-repository.ts';

/** The order mirror (seed 002 "Review imported orders"), keyed by shop + Shopify id. */
export interface MirroredOrder {
  shopCode: string;
  shopifyOrderId: string;
  name: string;
  paymentReference: string | null;
  order: Order;
  updatedAt: string;
  processed: boolean;
  documentNos: string[];
  conflict: boolean;
  conflictMessage: string | null;
}

/** Keeps every payload Shopify sent; replaying one is a no-op. */
export async function saveOrderVersion(
  db: Kysely<Database>,
  shopCode: string,
  fetched: { order: Order; payload: unknown },
): Promise<void> {
  await db
    .insertInto('order_versions')
    .values({
      shop_code: shopCode,
      shopify_order_id: fetched.order.shopifyId,
      updated_at_shopify: fetched.order.updatedAt,
      payload: JSON.stringify(fetched.payload),
      order_data: JSON.stringify(fetched.order),
    })
    .onConflict((c) => c.columns(['shop_code', 'shopify_order_id', 'updated_at_shopify']).doNothing())
    .execute();
}

/** saveOrderVersion for a page of orders, in one statement. */
export async function saveOrderVersions(
  db: Kysely<Database>,
  shopCode: string,
  fetched: ReadonlyArray<{ order: Order; payload: unknown }>,
): Promise<void> {
  if (fetched.length === 0) return;
  await db
    .insertInto('order_versions')
    .values(
      fetched.map(({ order, payload }) => ({
        shop_code: shopCode,
        shopify_order_id: order.shopifyId,
        updated_at_shopify: order.updatedAt,
        payload: JSON.stringify(payload),
        order_data: JSON.stringify(order),
      })),
    )
    .onConflict((c) => c.columns(['shop_code', 'shopify_order_id', 'updated_at_shopify']).doNothing())
    .execute();
}

/** The newest version Shopify sent of an order. */
export async function latestOrderVersion(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<Order | undefined> {
  const row = await db
    .selectFrom('order_versions')
    .select('order_data')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .orderBy('updated_at_shopify', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.order_data as Order | undefined;
}

/** The newest version of each of these orders, by order id (one query for a batch of imports). */
export async function latestOrderVersions(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<Map<string, Order>> {
  if (shopifyOrderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('order_versions')
    .distinctOn('shopify_order_id')
    .select(['shopify_order_id', 'order_data'])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', shopifyOrderIds)
    .orderBy('shopify_order_id')
    .orderBy('updated_at_shopify', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.shopify_order_id, row.order_data as Order]));
}

/** The mirror rows of these orders, by order id (one query for a batch). */
export async function findMirroredOrders(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<Map<string, MirroredOrder>> {
  if (shopifyOrderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('shopify_orders')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', shopifyOrderIds)
    .execute();
  return new Map(rows.map((row) => [row.shopify_order_id, toMirroredOrder(row)]));
}

export async function findMirroredOrder(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<MirroredOrder | undefined> {
  const row = await db
    .selectFrom('shopify_orders')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .executeTakeFirst();
  return row && toMirroredOrder(row);
}

/** Order ids of a shop's orders by name, in the mirror and the staging table (names repeat across shops only). */
export async function findOrderIdsByName(
  db: Kysely<Database>,
  shopCode: string,
  name: string,
): Promise<string[]> {
  const mirrored = db
    .selectFrom('shopify_orders')
    .select('shopify_order_id')
    .where('shop_code', '=', shopCode)
    .where('name', '=', name);
  const staged = db
    .selectFrom('orders_to_import')
    .select('shopify_order_id')
    .where('shop_code', '=', shopCode)
    .where('name', '=', name);
  const rows = await mirrored.union(staged).execute();
  return rows.map((row) => row.shopify_order_id);
}

export interface MirrorWrite {
  order: Order;
  conflictMessage: string | null;
  processed?: boolean;
  documentNos?: string[];
}

/** Writes the mirror; an older version never overwrites a newer one. */
export async function upsertMirroredOrder(
  db: Kysely<Database>,
  shopCode: string,
  write: MirrorWrite,
): Promise<void> {
  await upsertMirroredOrders(db, shopCode, [write]);
}

/**
 * upsertMirroredOrder for many orders (one each), in one statement per kind of write: those that
 * set processed and the document numbers, and those that leave them as they are.
 */
export async function upsertMirroredOrders(
  db: Kysely<Database>,
  shopCode: string,
  writes: readonly MirrorWrite[],
): Promise<void> {
  const processing = writes.filter((write) => write.processed !== undefined);
  const others = writes.filter((write) => write.processed === undefined);
  if (processing.length > 0) await upsertMirrorRows(db, shopCode, processing, true);
  if (others.length > 0) await upsertMirrorRows(db, shopCode, others, false);
}

async function upsertMirrorRows(
  db: Kysely<Database>,
  shopCode: string,
  writes: readonly MirrorWrite[],
  setsProcessing: boolean,
): Promise<void> {
  const now = new Date();
  const rows = writes.map(({ order, conflictMessage, processed, documentNos }) => ({
    shop_code: shopCode,
    shopify_order_id: order.shopifyId,
    name: order.name,
    payment_reference: paymentReference(order),
    order_data: savedVersion(shopCode, order),
    updated_at_shopify: order.updatedAt,
    conflict: conflictMessage !== null,
    conflict_message: conflictMessage,
    updated_at: now,
    ...(setsProcessing && { processed: processed ?? false, document_nos: JSON.stringify(documentNos ?? []) }),
  }));
  const updated = [
    'name',
    'payment_reference',
    'order_data',
    'updated_at_shopify',
    'conflict',
    'conflict_message',
    'updated_at',
    ...(setsProcessing ? (['processed', 'document_nos'] as const) : []),
  ] as const;
  await db
    .insertInto('shopify_orders')
    .values(rows)
    .onConflict((c) =>
      c
        .columns(['shop_code', 'shopify_order_id'])
        .doUpdateSet((eb) =>
          Object.fromEntries(updated.map((column) => [column, eb.ref(`excluded.${column}`)])),
        )
        .whereRef('shopify_orders.updated_at_shopify', '<=', 'excluded.updated_at_shopify'),
    )
    .execute();
}

/**
 * The mirror's copy of an order is the version already saved (saveOrderVersions: every caller
 * saves it first, and the import reads its orders from there), copied inside the database: the
 * ~5 KB an order is not serialised, sent and parsed a second time. A version that is not there
 * leaves the copy null, which the column refuses: never a mirror without its version.
 */
function savedVersion(shopCode: string, order: Order) {
  return sql<string>`(select v.order_data from order_versions as v
    where v.shop_code = ${shopCode} and v.shopify_order_id = ${order.shopifyId}
      and v.updated_at_shopify = ${order.updatedAt})`;
}

/** seed 002 "Unlink Processed Documents": resets the processed indicator (and the conflict it caused). */
export async function unlinkMirroredOrder(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<void> {
  await db
    .updateTable('shopify_orders')
    .set({
      processed: false,
      document_nos: '[]',
      conflict: false,
      conflict_message: null,
      updated_at: new Date(),
    })
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .execute();
}

/** Every refund of an imported order, with whether it may become a credit memo (seed 002). */
export async function recordOrderRefunds(
  db: Kysely<Database>,
  shopCode: string,
  refunds: { refund: Order['refunds'][number]; conversion: RefundConversion }[],
  shopifyOrderId: string,
): Promise<void> {
  await recordRefundsOfOrders(
    db,
    shopCode,
    refunds.map((refund) => ({ ...refund, shopifyOrderId })),
  );
}

/** One refund to record, with its order (recordRefundsOfOrders). */
export interface OrderRefundRecord {
  shopifyOrderId: string;
  refund: Order['refunds'][number];
  conversion: RefundConversion;
}

/** recordOrderRefunds for the refunds of many orders, in one statement. */
export async function recordRefundsOfOrders(
  db: Kysely<Database>,
  shopCode: string,
  refunds: readonly OrderRefundRecord[],
): Promise<void> {
  if (refunds.length === 0) return;
  await db
    .insertInto('order_refunds')
    .values(
      refunds.map(({ shopifyOrderId, refund, conversion }) => ({
        shop_code: shopCode,
        shopify_order_id: shopifyOrderId,
        shopify_refund_id: refund.shopifyId,
        created_at_shopify: refund.createdAt,
        amount_minor: refund.totalRefunded.shop.minor,
        currency: refund.totalRefunded.shop.currency,
        convertible_to_credit_memo: conversion.convertible,
        reason: conversion.convertible ? null : conversion.reason,
        status: conversion.convertible ? ('pending' as const) : ('not_convertible' as const),
        status_reason: conversion.convertible ? null : conversion.reason,
      })),
    )
    .onConflict((c) => c.columns(['shop_code', 'shopify_refund_id']).doNothing())
    .execute();
}

export async function listOrderRefunds(db: Kysely<Database>, shopCode: string, shopifyOrderId: string) {
  const rows = await db
    .selectFrom('order_refunds')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .orderBy('created_at_shopify')
    .execute();
  return rows.map((row) => ({
    shopifyRefundId: row.shopify_refund_id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    convertibleToCreditMemo: row.convertible_to_credit_memo,
    reason: row.reason,
  }));
}

/** The payment provider's reference of the first successful payment (seed 004 3.3 "Third-Party Reference Number"). */
function paymentReference(order: Order): string | null {
  const paid = order.transactions.find(
    (t) =>
      t.status === 'success' && ['sale', 'capture', 'authorization'].includes(t.kind) && t.paymentReference,
  );
  return paid?.paymentReference ?? null;
}

function toMirroredOrder(row: Selectable<ShopifyOrdersTable>): MirroredOrder {
  return {
    shopCode: row.shop_code,
    shopifyOrderId: row.shopify_order_id,
    name: row.name,
    paymentReference: row.payment_reference,
    order: row.order_data as Order,
    updatedAt: iso(row.updated_at_shopify),
    processed: row.processed,
    documentNos: row.document_nos,
    conflict: row.conflict,
    conflictMessage: row.conflict_message,
  };
}
