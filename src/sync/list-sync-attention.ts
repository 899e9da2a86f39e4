import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Finding } from '../rules/reconciliation.ts';
import { listShops } from '../shops/index.ts';
import { actions, type AttentionItem } from './attention-items.ts';
import type { SyncDeps } from './ports.ts';
import { reconcileOrders } from './reconcile-orders.ts';
import { iso } from './staging-repository.ts';

export interface SyncAttentionOptions {
  /** One shop's (Default: every shop's). */
  shopCode?: string | undefined;
  /** Run reconcile to find its differences (Default: true; it reads every imported order). */
  reconcile?: boolean | undefined;
}

/**
 * sync's part of "needs attention": staged orders whose import failed (their error stays on the
 * row, seed 002), refunds whose booking failed, and reconcile's differences. Reconciliation
 * results are not stored: they are computed now, from the mirror and the books (no Shopify call).
 */
export async function listSyncAttention(
  deps: SyncDeps,
  options: SyncAttentionOptions = {},
): Promise<AttentionItem[]> {
  const shops = (await listShops(deps)).map((shop) => shop.code);
  const codes = options.shopCode === undefined ? shops : shops.filter((code) => code === options.shopCode);
  const items = [...(await stagingErrors(deps.db, codes)), ...(await refundErrors(deps.db, codes))];
  if (options.reconcile ?? true) {
    for (const code of codes) items.push(...(await reconciliationDifferences(deps, code)));
  }
  return items;
}

async function stagingErrors(db: Kysely<Database>, shopCodes: readonly string[]): Promise<AttentionItem[]> {
  if (shopCodes.length === 0) return [];
  const rows = await db
    .selectFrom('orders_to_import')
    .select(['shop_code', 'shopify_order_id', 'name', 'error_code', 'error_message', 'staged_at', 'attempts'])
    .where('has_error', '=', true)
    .where('shop_code', 'in', shopCodes)
    .orderBy('staged_at')
    .execute();
  return rows.map((row) => ({
    kind: 'staging_error',
    shopCode: row.shop_code,
    order: { id: row.shopify_order_id, name: row.name },
    code: row.error_code ?? 'import_failed',
    message: `${row.error_message ?? 'The import failed'} (${row.attempts} attempt(s))`,
    // Staged again by a newer version of the order, the row keeps its time; so does the error.
    since: iso(row.staged_at),
    actions: [
      actions.retryImport(row.shop_code, row.shopify_order_id),
      actions.exclude(row.shop_code, row.shopify_order_id),
    ],
  }));
}

async function refundErrors(db: Kysely<Database>, shopCodes: readonly string[]): Promise<AttentionItem[]> {
  if (shopCodes.length === 0) return [];
  const rows = await db
    .selectFrom('order_refunds')
    .leftJoin('shopify_orders', (join) =>
      join
        .onRef('shopify_orders.shop_code', '=', 'order_refunds.shop_code')
        .onRef('shopify_orders.shopify_order_id', '=', 'order_refunds.shopify_order_id'),
    )
    .select([
      'order_refunds.shop_code',
      'order_refunds.shopify_order_id',
      'order_refunds.shopify_refund_id',
      'order_refunds.error_code',
      'order_refunds.error_message',
      'order_refunds.attempts',
      'order_refunds.created_at_shopify',
      'shopify_orders.name',
    ])
    .where('order_refunds.status', '=', 'error')
    .where('order_refunds.shop_code', 'in', shopCodes)
    .orderBy('order_refunds.created_at_shopify')
    .execute();
  return rows.map((row) => ({
    kind: 'failed_refund_import',
    shopCode: row.shop_code,
    order: { id: row.shopify_order_id, name: row.name },
    code: row.error_code ?? 'refund_failed',
    message: `Refund ${row.shopify_refund_id}: ${row.error_message ?? 'could not be booked'} (${row.attempts} attempt(s))`,
    // The refund's row keeps no time of its error: since the refund was made in Shopify.
    since: iso(row.created_at_shopify),
    actions: [
      actions.retryRefund(row.shop_code, row.shopify_refund_id),
      actions.reimport(row.shop_code, row.shopify_order_id),
    ],
  }));
}

async function reconciliationDifferences(deps: SyncDeps, shopCode: string): Promise<AttentionItem[]> {
  const report = await reconcileOrders(deps, shopCode);
  if (report.differences.length === 0) return [];
  const ids = [...new Set(report.differences.map((f) => f.shopifyOrderId))];
  const rows = await deps.db
    .selectFrom('shopify_orders')
    .select(['shopify_order_id', 'updated_at'])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', ids)
    .execute();
  const changedAt = new Map(rows.map((row) => [row.shopify_order_id, iso(row.updated_at)]));
  return report.differences.map((finding) => differenceItem(shopCode, finding, changedAt));
}

function differenceItem(shopCode: string, finding: Finding, changedAt: Map<string, string>): AttentionItem {
  const orderId = finding.shopifyOrderId;
  return {
    kind: 'reconciliation_difference',
    shopCode,
    order: { id: orderId, name: finding.orderName },
    code: finding.cause,
    message: finding.message,
    // Since the order (or its books) last changed here: reconcile keeps no history.
    since: changedAt.get(orderId) ?? new Date(0).toISOString(),
    actions: [
      ...(finding.shopifyRefundId === null ? [] : [actions.retryRefund(shopCode, finding.shopifyRefundId)]),
      actions.reimport(shopCode, orderId),
      actions.reconcileOrder(shopCode, orderId),
    ],
  };
}

/** The names of these orders in the mirror, by `shopCode|orderId` (orders never imported are absent). */
export async function findOrderNames(
  deps: Pick<SyncDeps, 'db'>,
  refs: readonly { shopCode: string; shopifyOrderId: string }[],
): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await deps.db
    .selectFrom('shopify_orders')
    .select(['shop_code', 'shopify_order_id', 'name'])
    .where('shopify_order_id', 'in', [...new Set(refs.map((ref) => ref.shopifyOrderId))])
    .execute();
  return new Map(rows.map((row) => [`${row.shop_code}|${row.shopify_order_id}`, row.name]));
}
