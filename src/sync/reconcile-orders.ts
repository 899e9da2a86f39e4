import type { Kysely } from 'kysely';
import { listDocuments, listStockMovements } from '../books/index.ts';
import type { Database } from '../db/index.ts';
import type { Order } from '../domain/order.ts';
import { findItemsBySkus } from '../masterdata/index.ts';
import { formatMoney } from '../money/index.ts';
import {
  reconcileOrder,
  type DifferenceCause,
  type ExpectedReason,
  type Figure,
  type Finding,
  type RefundRow,
} from '../rules/reconciliation.ts';
import { NotFoundError } from '../shared/errors.ts';
import { getShopConnection } from '../shops/index.ts';
import type { SyncDeps } from './ports.ts';

export interface ReconciliationReport {
  shopCode: string;
  /** Orders compared: every order in the mirror, or the one asked for. */
  orders: number;
  /** Refunds Shopify shows on those orders. */
  refunds: number;
  /** Differences the books should not have: each is a bug to find. */
  differences: Finding[];
  /** Differences with a reason (a refund waiting, import only, ...): not bugs. */
  expected: Finding[];
}

export interface ReconcileOptions {
  /** One order (its Shopify id) instead of all. */
  shopifyOrderId?: string | undefined;
  /** Orders read from the mirror at a time (Default: 250): memory stays that of one page. */
  pageSize?: number | undefined;
}

/**
 * `reconcile` (issue 6 item 6): every imported order and its refunds, Shopify's figures as the
 * mirror holds them against the books, through the pure rule (src/rules/reconciliation.ts).
 * Walks the mirror a page at a time (keyset on the order id) and keeps only the findings, so a
 * shop of any size reconciles in the memory of one page. Reads only: nothing is written.
 */
export async function reconcileOrders(
  deps: SyncDeps,
  shopCode: string,
  options: ReconcileOptions = {},
): Promise<ReconciliationReport> {
  const { settings } = await getShopConnection(deps, shopCode);
  const pageSize = options.pageSize ?? 250;
  const report: ReconciliationReport = { shopCode, orders: 0, refunds: 0, differences: [], expected: [] };
  const items = new Map<string, { no: string; type: 'inventory' | 'service' }>();
  let after = '';
  for (;;) {
    const page = await mirrorPage(deps.db, shopCode, after, pageSize, options.shopifyOrderId);
    if (page.length === 0) break;
    after = page.at(-1)!.order.shopifyId;
    const ids = page.map((row) => row.order.shopifyId);
    const rows = await refundRows(deps.db, shopCode, ids);
    const documents = await Promise.all(ids.map((order) => listDocuments(deps.db, { shopCode, order })));
    const vouchers = documents.flat().flatMap((d) => (d.shopifyRefundId && d.number ? [d.number] : []));
    const movements = await listStockMovements(deps.db, { voucherNos: vouchers });
    await loadItems(
      deps.db,
      items,
      page.map((row) => row.order),
    );
    page.forEach(({ order, processed, conflict }, index) => {
      const own = new Set(documents[index]!.map((d) => d.number));
      const result = reconcileOrder({
        order,
        mirror: { processed, conflict },
        documents: documents[index]!,
        refundRows: rows.get(order.shopifyId) ?? [],
        stockMovements: movements.filter((m) => own.has(m.voucherNo)),
        itemsBySku: items,
        settings,
      });
      report.orders += 1;
      report.refunds += result.refunds;
      for (const finding of result.findings)
        (finding.expected === null ? report.differences : report.expected).push(finding);
    });
    if (page.length < pageSize) break;
  }
  if (options.shopifyOrderId !== undefined && report.orders === 0)
    throw new NotFoundError(`Order ${options.shopifyOrderId} has not been imported in shop "${shopCode}"`);
  return report;
}

async function mirrorPage(
  db: Kysely<Database>,
  shopCode: string,
  after: string,
  size: number,
  only: string | undefined,
): Promise<{ order: Order; processed: boolean; conflict: boolean }[]> {
  let query = db
    .selectFrom('shopify_orders')
    .select(['order_data', 'processed', 'conflict'])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '>', after);
  if (only !== undefined) query = query.where('shopify_order_id', '=', only);
  const rows = await query.orderBy('shopify_order_id').limit(size).execute();
  return rows.map((row) => ({
    order: row.order_data as Order,
    processed: row.processed,
    conflict: row.conflict,
  }));
}

async function refundRows(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<Map<string, RefundRow[]>> {
  const rows = await db
    .selectFrom('order_refunds')
    .select([
      'shopify_order_id',
      'shopify_refund_id',
      'status',
      'status_reason',
      'error_code',
      'error_message',
    ])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', shopifyOrderIds)
    .execute();
  const byOrder = new Map<string, RefundRow[]>();
  for (const row of rows) {
    const list = byOrder.get(row.shopify_order_id) ?? [];
    list.push({
      shopifyRefundId: row.shopify_refund_id,
      status: row.status,
      statusReason: row.status_reason,
      errorCode: row.error_code,
      errorMessage: row.error_message,
    });
    byOrder.set(row.shopify_order_id, list);
  }
  return byOrder;
}

/** Items of the orders' SKUs not looked up yet (a catalogue is small; orders are not). */
async function loadItems(
  db: Kysely<Database>,
  items: Map<string, { no: string; type: 'inventory' | 'service' }>,
  orders: readonly Order[],
): Promise<void> {
  const skus = new Set(orders.flatMap((o) => o.lines.flatMap((l) => (l.sku === null ? [] : [l.sku]))));
  const missing = [...skus].filter((sku) => !items.has(sku));
  for (const [sku, item] of await findItemsBySkus(db, missing)) items.set(sku, item);
}

/** The report for the CLI and the API: money as decimal strings in the shop's currency. */
export function reconciliationJson(report: ReconciliationReport) {
  return {
    shopCode: report.shopCode,
    summary: {
      orders: report.orders,
      refunds: report.refunds,
      differences: report.differences.length,
      expected: report.expected.length,
      differencesByCause: countBy(report.differences, (f) => f.cause),
      expectedByReason: countBy(report.expected, (f) => f.expected!),
    },
    differences: report.differences.map(findingJson),
    expected: report.expected.map(findingJson),
  };
}

export function findingJson(finding: Finding) {
  return { ...finding, shopify: figureJson(finding.shopify), books: figureJson(finding.books) };
}

function figureJson(figure: Figure): string | number | null {
  return figure === null || typeof figure === 'number' ? figure : formatMoney(figure);
}

function countBy<K extends DifferenceCause | ExpectedReason>(
  findings: readonly Finding[],
  key: (f: Finding) => K,
): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const f of findings) counts[key(f)] = (counts[key(f)] ?? 0) + 1;
  return counts;
}

/** `orders N, refunds M, differences D, expected E` */
export function summaryLine(report: ReconciliationReport): string {
  return `orders ${report.orders}, refunds ${report.refunds}, differences ${report.differences.length}, expected ${report.expected.length}`;
}
