import { documentJson, listDocuments } from '../books/index.ts';
import { actions } from './attention-items.ts';
import { showImportedOrder } from './list-orders.ts';
import type { SyncDeps } from './ports.ts';
import { findingJson, reconcileOrders } from './reconcile-orders.ts';
import { listRefunds } from './refund-repository.ts';
import { iso } from './staging-repository.ts';

/** Where the order's books stand against Shopify, as `reconcile --order` finds it now. */
export type ReconciliationStatus = 'in_step' | 'expected_differences' | 'differences';

/**
 * An imported order's full picture for the web UI (issue 9 item 4): what `orders show` gives,
 * plus Shopify's order as mapped (lines, transactions, shipping lines, risk, tags, custom
 * attributes, fulfillments, refunds, returns, totals; money in minor units), every payload
 * version Shopify sent (newest first), the documents it produced, where each refund stands in
 * the books (status, error, attempts, document nos.), the reconciliation status
 * with its findings, and, for a conflict (seed 002), the API calls that resolve it.
 * Null when the order has not been imported.
 */
export async function showOrderPicture(deps: SyncDeps, shopCode: string, shopifyOrderId: string) {
  const imported = await showImportedOrder(deps, shopCode, shopifyOrderId);
  if (!imported) return null;
  const mirrored = await deps.db
    .selectFrom('shopify_orders')
    .select('order_data')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .executeTakeFirstOrThrow();
  const versions = await deps.db
    .selectFrom('order_versions')
    .select(['updated_at_shopify', 'received_at', 'payload'])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .orderBy('updated_at_shopify', 'desc')
    .execute();
  const documents = await listDocuments(deps.db, { shopCode, order: shopifyOrderId });
  const report = await reconcileOrders(deps, shopCode, { shopifyOrderId });
  const refundImports = await listRefunds(deps.db, shopCode, { shopifyOrderId });
  return {
    ...imported,
    shopify: mirrored.order_data,
    payloadVersions: versions.map((v) => ({
      updatedAt: iso(v.updated_at_shopify),
      receivedAt: iso(v.received_at),
      payload: v.payload,
    })),
    documents: documents.map(documentJson),
    refundImports,
    reconciliation: {
      status: reconciliationStatus(report.differences.length, report.expected.length),
      differences: report.differences.map(findingJson),
      expected: report.expected.map(findingJson),
    },
    conflictActions: imported.conflict
      ? [actions.unlink(shopCode, shopifyOrderId), actions.reimport(shopCode, shopifyOrderId)]
      : [],
  };
}

function reconciliationStatus(differences: number, expected: number): ReconciliationStatus {
  if (differences > 0) return 'differences';
  return expected > 0 ? 'expected_differences' : 'in_step';
}
