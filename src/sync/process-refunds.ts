import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Order, Refund } from '../domain/order.ts';
import { ConflictError } from '../shared/errors.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import { lockOrders } from './lock-orders.ts';
import { findMirroredOrder } from './mirror-repository.ts';
import type { SyncDeps } from './ports.ts';
import { bookRefundBatch } from './process-refund-batch.ts';
import {
  AlreadySettled,
  announceRefusal,
  asRefusal,
  decideAndBook,
  refundOf,
  resultOf,
  settled,
  type RefundResult,
} from './refund-booking.ts';
import { listOpenRefunds, updateRefund, type ImportedRefund } from './refund-repository.ts';

export type { RefundResult } from './refund-booking.ts';

/**
 * Refunds decided and booked per transaction. Each refund still stands alone inside it (its own
 * savepoint: bookRefundBatch); the batch saves a commit (a WAL flush on a server) and a lock, a
 * status read and a mirror read per refund. The orders' locks are held until the batch commits,
 * so a worker waiting for one of them waits at most one batch.
 */
const refundsPerTransaction = 50;

/**
 * Decides and books the shop's open refunds (seed 002 "Returns and refunds", seed 000): each
 * refund's documents, postings and stock movements commit together or not at all, and a refusal of
 * one undoes nothing of another (issue 6 item 5): refunds go in batches, each refund in its own
 * savepoint, and a batch whose transaction fails as a whole goes again one refund per transaction. A refusal (missing account, unknown item) leaves the refund imported
 * with its error, one more attempt, and it is decided again on the next sync; a refund waiting for
 * a pending transaction or for its sales document likewise. `shopifyRefundIds` picks refunds (an
 * operator's command in "import only" mode, or a retry of one).
 */
export async function processRefunds(
  deps: SyncDeps,
  shopCode: string,
  options: {
    shopifyRefundIds?: readonly string[] | undefined;
    /** Only the refunds of these orders (a webhook's job for one order). */
    shopifyOrderIds?: readonly string[] | undefined;
    connection?: ShopConnection | undefined;
  } = {},
): Promise<RefundResult[]> {
  const connection = options.connection ?? (await getShopConnection(deps, shopCode));
  if (connection.settings.returnsAndRefundsMode === 'none')
    throw new ConflictError(
      `returnsAndRefundsMode: shop "${shopCode}" ignores returns and refunds ("none"); set it to import_only or auto_create_credit_memo first`,
    );
  const results: RefundResult[] = [];
  const refunds = await listOpenRefunds(deps.db, shopCode, options.shopifyRefundIds, options.shopifyOrderIds);
  const open = refunds.filter((refund) => !settled(refund));
  for (let start = 0; start < open.length; start += refundsPerTransaction) {
    const batch = open.slice(start, start + refundsPerTransaction);
    results.push(...(await processBatchOrEach(deps, connection, batch)));
  }
  return results;
}

/**
 * A batch in one transaction; when that transaction fails as a whole (the database, a deadlock
 * with another worker, an unexpected error of one refund), nothing of it was written and its
 * refunds go one per transaction, as they would alone, so the outcome is the same.
 */
async function processBatchOrEach(
  deps: SyncDeps,
  connection: ShopConnection,
  batch: readonly ImportedRefund[],
): Promise<RefundResult[]> {
  let booked: Awaited<ReturnType<typeof bookRefundBatch>> | undefined;
  if (batch.length > 1)
    booked = await deps.db
      .transaction()
      .execute((trx) => bookRefundBatch(trx, deps, connection, batch))
      .catch(() => undefined);
  if (booked) {
    // Emails only for what was committed.
    for (const refusal of booked.refusals) await announceRefusal(deps, connection, refusal);
    return booked.results;
  }
  const results: RefundResult[] = [];
  for (const refund of batch) {
    const result = await processRefund(deps, connection, refund);
    if (result) results.push(result);
  }
  return results;
}

/** One refund in its own transaction: alone, or when its batch's transaction failed as a whole. */
async function processRefund(
  deps: SyncDeps,
  connection: ShopConnection,
  imported: ImportedRefund,
): Promise<RefundResult | null> {
  const key = { shopCode: imported.shopCode, shopifyRefundId: imported.shopifyRefundId };
  const base = { shopifyOrderId: imported.shopifyOrderId, shopifyRefundId: imported.shopifyRefundId };
  let orderName = imported.shopifyOrderId;
  try {
    const booked = await deps.db.transaction().execute(async (trx) => {
      await lockOrders(trx, imported.shopCode, [imported.shopifyOrderId]);
      const [current] = await listOpenRefunds(trx, imported.shopCode, [imported.shopifyRefundId]);
      if (current && settled(current)) throw new AlreadySettled();
      const { order, refund } = await refundOfMirror(trx, imported);
      orderName = order.name;
      const booked = await decideAndBook(trx, deps, connection, order, refund);
      await updateRefund(trx, key, booked.update);
      return booked;
    });
    if (booked.update.status === 'processed')
      return { ...base, orderName, status: 'processed', documents: booked.documents };
    return { ...base, orderName, ...resultOf(booked.update, imported.attempts) };
  } catch (error) {
    if (error instanceof AlreadySettled) return null;
    const refused = asRefusal(error);
    await updateRefund(deps.db, key, refused.update);
    await announceRefusal(deps, connection, { imported, orderName, update: refused.update });
    return { ...base, orderName, ...resultOf(refused.update, imported.attempts) };
  }
}

/** The refund as the mirror holds it now (the newest version of its order imported). */
async function refundOfMirror(
  trx: Kysely<Database>,
  imported: ImportedRefund,
): Promise<{ order: Order; refund: Refund }> {
  return refundOf(await findMirroredOrder(trx, imported.shopCode, imported.shopifyOrderId), imported);
}
