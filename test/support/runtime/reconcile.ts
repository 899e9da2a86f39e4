import { reconcileOrders, type ReconciliationReport } from '../../../src/sync/index.ts';
import { syncDeps } from '../../../src/sync/runtime-deps.ts';
import type { ServerDatabase } from './database.ts';

export type ReconcileReport = ReconciliationReport;

/** `storebridge reconcile` (issue 6 item 6): every imported order and refund against the books. */
export function reconcileBooks(database: ServerDatabase, shopCode: string): Promise<ReconcileReport> {
  const deps = syncDeps({ db: database.store.db, secretKey: database.secretKeyBytes });
  return reconcileOrders(deps, shopCode);
}
