import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, OrdersToImportTable } from '../db/index.ts';
import type { Order } from '../domain/order.ts';

/** A row of the orders-to-import staging table (seed 002 "Shopify Orders to Import"). */
export interface StagedOrder {
  shopCode: string;
  shopifyOrderId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  financialStatus: string | null;
  fulfillmentStatus: string;
  channel: string | null;
  tags: string[];
  riskLevel: string | null;
  hasError: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  stagedAt: string;
}

/** Stages the header of a newer version; a newer version clears the previous error (it may fix it) but keeps the attempts. */
export async function upsertStagedOrder(db: Kysely<Database>, shopCode: string, order: Order): Promise<void> {
  await upsertStagedOrders(db, shopCode, [order]);
}

/** Stages many headers in one statement: one row per order, the newest version; an older version never overwrites a newer one. */
export async function upsertStagedOrders(
  db: Kysely<Database>,
  shopCode: string,
  orders: readonly Order[],
): Promise<void> {
  const newest = new Map<string, Order>();
  for (const order of orders) {
    const seen = newest.get(order.shopifyId);
    if (!seen || Date.parse(seen.updatedAt) < Date.parse(order.updatedAt)) newest.set(order.shopifyId, order);
  }
  if (newest.size === 0) return;
  await db
    .insertInto('orders_to_import')
    .values(
      [...newest.values()].map((order) => ({
        shop_code: shopCode,
        shopify_order_id: order.shopifyId,
        name: order.name,
        created_at_shopify: order.createdAt,
        updated_at_shopify: order.updatedAt,
        financial_status: order.financialStatus,
        fulfillment_status: order.fulfillmentStatus,
        channel: order.channel,
        tags: JSON.stringify(order.tags),
        risk_level: order.riskLevel,
        has_error: false,
        error_code: null,
        error_message: null,
      })),
    )
    .onConflict((c) =>
      c
        .columns(['shop_code', 'shopify_order_id'])
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          created_at_shopify: eb.ref('excluded.created_at_shopify'),
          updated_at_shopify: eb.ref('excluded.updated_at_shopify'),
          financial_status: eb.ref('excluded.financial_status'),
          fulfillment_status: eb.ref('excluded.fulfillment_status'),
          channel: eb.ref('excluded.channel'),
          tags: eb.ref('excluded.tags'),
          risk_level: eb.ref('excluded.risk_level'),
          has_error: eb.ref('excluded.has_error'),
          error_code: eb.ref('excluded.error_code'),
          error_message: eb.ref('excluded.error_message'),
        }))
        .whereRef('orders_to_import.updated_at_shopify', '<', 'excluded.updated_at_shopify'),
    )
    .execute();
}

/** The staging rows of these orders, by order id (one query for a page). */
export async function findStagedOrders(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<Map<string, StagedOrder>> {
  if (shopifyOrderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orders_to_import')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', shopifyOrderIds)
    .execute();
  return new Map(rows.map((row) => [row.shopify_order_id, toStagedOrder(row)]));
}

export async function findStagedOrder(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<StagedOrder | undefined> {
  const row = await db
    .selectFrom('orders_to_import')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .executeTakeFirst();
  return row && toStagedOrder(row);
}

/** Newest orders on top, as seed 002's page shows them. */
export async function listStagedOrders(db: Kysely<Database>, shopCode: string): Promise<StagedOrder[]> {
  const rows = await db
    .selectFrom('orders_to_import')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .orderBy('created_at_shopify', 'desc')
    .orderBy('shopify_order_id', 'desc')
    .execute();
  return rows.map(toStagedOrder);
}

/** Where a walk through the staging table stands: the last row taken, oldest first. */
export interface StagedPosition {
  createdAt: string;
  shopifyOrderId: string;
}

/**
 * The next `limit` staged orders after `after`, oldest first (so documents are numbered in order),
 * optionally only these ids: an import walks the table a batch at a time instead of holding it.
 */
export async function nextStagedOrders(
  db: Kysely<Database>,
  shopCode: string,
  options: { after: StagedPosition | null; limit: number; shopifyOrderIds?: readonly string[] | undefined },
): Promise<StagedOrder[]> {
  const { after, shopifyOrderIds } = options;
  if (shopifyOrderIds?.length === 0) return [];
  let query = db.selectFrom('orders_to_import').selectAll().where('shop_code', '=', shopCode);
  if (shopifyOrderIds) query = query.where('shopify_order_id', 'in', shopifyOrderIds);
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple('created_at_shopify', 'shopify_order_id'),
        '>',
        eb.tuple(new Date(after.createdAt), after.shopifyOrderId),
      ),
    );
  const rows = await query
    .orderBy('created_at_shopify')
    .orderBy('shopify_order_id')
    .limit(options.limit)
    .execute();
  return rows.map(toStagedOrder);
}

/** How many orders wait (of these ids, when given). */
export async function countStagedOrders(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds?: readonly string[],
): Promise<number> {
  if (shopifyOrderIds?.length === 0) return 0;
  let query = db
    .selectFrom('orders_to_import')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shop_code', '=', shopCode);
  if (shopifyOrderIds) query = query.where('shopify_order_id', 'in', shopifyOrderIds);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Staged orders whose last import failed with `errorCode`, oldest first, at most `limit`. */
export async function stagedOrderIdsFailedWith(
  db: Kysely<Database>,
  shopCode: string,
  errorCode: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('orders_to_import')
    .select('shopify_order_id')
    .where('shop_code', '=', shopCode)
    .where('error_code', '=', errorCode)
    .orderBy('created_at_shopify')
    .limit(limit)
    .execute();
  return rows.map((row) => row.shopify_order_id);
}

/**
 * A failed import: the error stays on the row where operators look (graphile-worker's last_error).
 * `countAttempt: false` when a run tries an order a second time (its own retry), so attempts count runs.
 */
export async function markStagedOrderFailed(
  db: Kysely<Database>,
  key: { shopCode: string; shopifyOrderId: string },
  error: { code: string; message: string },
  { countAttempt = true }: { countAttempt?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('orders_to_import')
    .set((eb) => ({
      has_error: true,
      error_code: error.code,
      error_message: error.message,
      attempts: countAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
    }))
    .where('shop_code', '=', key.shopCode)
    .where('shopify_order_id', '=', key.shopifyOrderId)
    .execute();
}

export async function deleteStagedOrders(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<number> {
  if (shopifyOrderIds.length === 0) return 0;
  const result = await db
    .deleteFrom('orders_to_import')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', shopifyOrderIds)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function toStagedOrder(row: Selectable<OrdersToImportTable>): StagedOrder {
  return {
    shopCode: row.shop_code,
    shopifyOrderId: row.shopify_order_id,
    name: row.name,
    createdAt: iso(row.created_at_shopify),
    updatedAt: iso(row.updated_at_shopify),
    financialStatus: row.financial_status,
    fulfillmentStatus: row.fulfillment_status,
    channel: row.channel,
    tags: row.tags,
    riskLevel: row.risk_level,
    hasError: row.has_error,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    attempts: row.attempts,
    stagedAt: iso(row.staged_at),
  };
}

/**
 * Takes imported orders off the staging table: only the row of the version imported (or an
 * older one). A newer version staged meanwhile stays, to be imported in its turn. Returns how
 * many rows went.
 */
export async function deleteImportedStagedOrders(
  db: Kysely<Database>,
  shopCode: string,
  imported: readonly { shopifyId: string; updatedAt: string }[],
): Promise<number> {
  if (imported.length === 0) return 0;
  const versions = sql.join(
    imported.map((order) => sql`(${order.shopifyId}, ${new Date(order.updatedAt)}::timestamptz)`),
  );
  const result = await sql`
    delete from orders_to_import as staged
    using (values ${versions}) as imported (shopify_order_id, updated_at_shopify)
    where staged.shop_code = ${shopCode}
      and staged.shopify_order_id = imported.shopify_order_id
      and staged.updated_at_shopify <= imported.updated_at_shopify`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** timestamptz comes back as a Date on both backends; ISO 8601 at the edge. */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
