import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { iso } from './staging-repository.ts';

/**
 * seed 002: "Delete orders ... to exclude them from the sync." Deleting the staging row is not
 * enough on its own: step 1 reads versions it has seen before (the inclusive `updated_at:>=`
 * search re-reads the cursor's second, a bulk backfill can run again, a resumed page starts
 * before its last instant), and with neither a staging row nor a mirror such a version looks new.
 * So the exclusion is kept as shop + order id + the excluded version's updatedAt: that version and
 * older ones stay out, a newer one (Shopify changed the order) is staged again and lifts it.
 */
export async function excludeOrderVersions(
  db: Kysely<Database>,
  shopCode: string,
  versions: ReadonlyArray<{ shopifyOrderId: string; updatedAt: string }>,
): Promise<void> {
  if (versions.length === 0) return;
  await db
    .insertInto('excluded_orders')
    .values(
      versions.map((version) => ({
        shop_code: shopCode,
        shopify_order_id: version.shopifyOrderId,
        updated_at_shopify: version.updatedAt,
      })),
    )
    .onConflict((c) =>
      c.columns(['shop_code', 'shopify_order_id']).doUpdateSet({
        // Never moves back: an older version cannot shrink what was excluded.
        updated_at_shopify: sql<Date>`greatest(excluded_orders.updated_at_shopify, excluded.updated_at_shopify)`,
        excluded_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/** The newest excluded version of the order (ISO 8601), if an operator excluded it. */
export async function findExcludedVersion(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('excluded_orders')
    .select('updated_at_shopify')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .executeTakeFirst();
  return row && iso(row.updated_at_shopify);
}

/** findExcludedVersion for a page of orders, by order id (one query). */
export async function findExcludedVersions(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<Map<string, string>> {
  if (shopifyOrderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('excluded_orders')
    .select(['shopify_order_id', 'updated_at_shopify'])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', shopifyOrderIds)
    .execute();
  return new Map(rows.map((row) => [row.shopify_order_id, iso(row.updated_at_shopify)]));
}

/** clearExclusion for many orders (one statement). */
export async function clearExclusions(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<void> {
  if (shopifyOrderIds.length === 0) return;
  await db
    .deleteFrom('excluded_orders')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', shopifyOrderIds)
    .execute();
}

/** The order is taken again (a newer version, or an operator's re-import): no longer excluded. */
export async function clearExclusion(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<void> {
  await db
    .deleteFrom('excluded_orders')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .execute();
}
