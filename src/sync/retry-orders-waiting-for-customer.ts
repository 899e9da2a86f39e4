import type { ShopConnection } from '../shops/index.ts';
import type { ImportResult } from './import-staged-order.ts';
import { importStagedOrdersEach } from './import-staged-orders.ts';
import type { SyncDeps } from './ports.ts';
import { stagedOrderIdsFailedWith } from './staging-repository.ts';

/** At most this many waiting orders are tried after one import (the rest on the next). */
const perImport = 50;

/**
 * An order whose buyer gave no address cannot create its customer (seed 002), but a later order
 * of the same buyer can. Webhooks bring orders one by one and in any order, so when one order is
 * imported, the orders left staged for want of a customer are tried again at once instead of
 * waiting for the periodic sync. A second refusal is not another attempt: nothing new was tried.
 */
export async function retryOrdersWaitingForCustomer(
  deps: SyncDeps,
  connection: ShopConnection,
): Promise<ImportResult[]> {
  const shopCode = connection.settings.code;
  const waiting = await stagedOrderIdsFailedWith(deps.db, shopCode, 'customer_not_found', perImport);
  if (waiting.length === 0) return [];
  const results: ImportResult[] = [];
  await importStagedOrdersEach(
    deps,
    shopCode,
    { connection, shopifyOrderIds: waiting, sameRunRetry: true },
    (result) => results.push(result),
  );
  return results;
}
