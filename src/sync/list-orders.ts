import { getShopConnection } from '../shops/index.ts';
import type { SyncDeps } from './ports.ts';
import { findMirroredOrder, listOrderRefunds } from './mirror-repository.ts';
import { listStagedOrders, type StagedOrder } from './staging-repository.ts';

/** seed 002 "Shopify Orders to Import": newest on top, errors on the row. */
export async function listOrdersToImport(deps: SyncDeps, shopCode: string): Promise<StagedOrder[]> {
  await getShopConnection(deps, shopCode);
  return listStagedOrders(deps.db, shopCode);
}

/** One imported order as the mirror holds it, with its refunds (seed 002 "Review imported orders"). */
export async function showImportedOrder(deps: SyncDeps, shopCode: string, shopifyOrderId: string) {
  const mirrored = await findMirroredOrder(deps.db, shopCode, shopifyOrderId);
  if (!mirrored) return null;
  const refunds = await listOrderRefunds(deps.db, shopCode, shopifyOrderId);
  return {
    shopCode,
    shopifyOrderId,
    name: mirrored.name,
    paymentReference: mirrored.paymentReference,
    updatedAt: mirrored.updatedAt,
    processed: mirrored.processed,
    documentNos: mirrored.documentNos,
    conflict: mirrored.conflict,
    conflictMessage: mirrored.conflictMessage,
    financialStatus: mirrored.order.financialStatus,
    fulfillmentStatus: mirrored.order.fulfillmentStatus,
    cancelledAt: mirrored.order.cancelledAt,
    refunds,
  };
}
