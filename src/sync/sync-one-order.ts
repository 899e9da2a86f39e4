import { NotFoundError } from '../shared/errors.ts';
import { getShopConnection } from '../shops/index.ts';
import { readCursor } from './cursor.ts';
import { importStagedOrder, type ImportResult } from './import-staged-order.ts';
import type { SyncDeps } from './ports.ts';
import { retryOrdersWaitingForCustomer } from './retry-orders-waiting-for-customer.ts';
import { processRefunds, type RefundResult } from './process-refunds.ts';
import { stagePage, type StagingOutcome } from './stage-page.ts';
import { findStagedOrder } from './staging-repository.ts';
import { syncOrders, type SyncSummary } from './sync-orders.ts';

export type OrderSyncOutcome =
  | {
      kind: 'order';
      staging: StagingOutcome | 'gone';
      import: ImportResult | null;
      /** Orders that waited for a customer, tried again after this one was imported. */
      waitingImported?: ImportResult[];
      refunds: RefundResult[];
    }
  | { kind: 'first_sync'; summary: SyncSummary };

/**
 * One order brought in step because Shopify said it changed (a webhook) or a poll saw it: the
 * order is read from Shopify as it is now, so deliveries that come late, twice or out of order
 * all end in the same state (seed 004 3.4: Shopify is the source of truth). It goes through the
 * same two steps as a sync (seed 002): staged when eligible and filtered in, imported, then its
 * refunds decided. The sync cursor does not move: it belongs to the periodic sync, which still
 * reads every order changed since, so an order is never skipped because its webhook came first.
 *
 * A shop that has never synced has no integration start yet: its first sync runs instead.
 */
export async function syncOneOrder(
  deps: SyncDeps,
  shopCode: string,
  shopifyOrderId: string,
): Promise<OrderSyncOutcome> {
  const cursor = await readCursor(deps.db, shopCode);
  if (!cursor) return { kind: 'first_sync', summary: await syncOrders(deps, shopCode) };
  const connection = await getShopConnection(deps, shopCode);
  const fetched = await deps.sourceFor(connection).order(shopifyOrderId);
  if (!fetched) return { kind: 'order', staging: 'gone', import: null, refunds: [] };
  const context = { shopCode, settings: connection.settings, firstSyncAt: cursor.firstSyncAt };
  const [staging] = await deps.db.transaction().execute((trx) => stagePage(trx, context, [fetched], null));
  const staged = await findStagedOrder(deps.db, shopCode, shopifyOrderId);
  // The periodic sync on another worker may import it between the two reads: nothing left to do.
  const imported = staged
    ? await importStagedOrder(deps, shopCode, shopifyOrderId, { connection }).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      })
    : null;
  const released =
    imported?.status === 'imported' ? await retryOrdersWaitingForCustomer(deps, connection) : [];
  const touched = [
    shopifyOrderId,
    ...released.flatMap((r) => (r.status === 'imported' ? [r.shopifyOrderId] : [])),
  ];
  const refunds =
    connection.settings.returnsAndRefundsMode === 'auto_create_credit_memo'
      ? await processRefunds(deps, shopCode, { connection, shopifyOrderIds: touched })
      : [];
  return { kind: 'order', staging: staging!, import: imported, waitingImported: released, refunds };
}
