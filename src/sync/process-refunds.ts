import { ConflictError } from '../shared/errors.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import type { SyncDeps } from './ports.ts';
import { bookRefundBatch } from './process-refund-batch.ts';
import { announceRefusal, asRefusal, resultOf, settled, type RefundResult } from './refund-booking.ts';
import { listOpenRefunds, updateRefund, type ImportedRefund } from './refund-repository.ts';

export type { RefundResult } from './refund-booking.ts';

/**
 * Refunds decided and booked per transaction. Each refund still stands alone inside it (books
 * refuses before it writes: bookRefundBatch); the batch saves a commit (a WAL flush on a server),
 * a lock, a status read and a mirror read per refund, and its runs read and write in a constant
 * number of statements. The orders' locks are held until the batch commits,
 * so a worker waiting for one of them waits at most one batch.
 */
const refundsPerTransaction = 50;

/**
 * Decides and books the shop's open refunds (seed 002 "Returns and refunds", seed 000): each
 * refund's documents, postings and stock movements commit together or not at all, and a refusal of
 * one undoes nothing of another (issue 6 item 5): refunds go in batches, a refusal writing only its
 * error, and a batch whose transaction fails as a whole (anything thrown, a refusal after a write
 * included) goes again one refund per transaction. A refusal (missing account, unknown item) leaves the refund imported
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
    /** Refunds already decided in this run: not decided (nor attempted) twice. */
    exceptShopifyRefundIds?: Pick<ReadonlySet<string>, 'has'> | undefined;
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
  const except = options.exceptShopifyRefundIds;
  const open = refunds.filter((refund) => !settled(refund) && !except?.has(refund.shopifyRefundId));
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

/**
 * One refund in its own transaction: alone, or when its batch's transaction failed as a whole. A
 * batch of one, so the booking is the batch's; a refusal thrown out of it (a write refused
 * midway, the lock, the reads) is recorded on the refund after the rollback. Null when another worker settled
 * the refund meanwhile.
 */
async function processRefund(
  deps: SyncDeps,
  connection: ShopConnection,
  imported: ImportedRefund,
): Promise<RefundResult | null> {
  try {
    const booked = await deps.db
      .transaction()
      .execute((trx) => bookRefundBatch(trx, deps, connection, [imported]));
    for (const refusal of booked.refusals) await announceRefusal(deps, connection, refusal);
    return booked.results[0] ?? null;
  } catch (error) {
    const refused = asRefusal(error);
    const key = { shopCode: imported.shopCode, shopifyRefundId: imported.shopifyRefundId };
    await updateRefund(deps.db, key, refused.update);
    const orderName = imported.shopifyOrderId;
    await announceRefusal(deps, connection, { imported, orderName, update: refused.update });
    return {
      shopifyOrderId: imported.shopifyOrderId,
      shopifyRefundId: imported.shopifyRefundId,
      orderName,
      ...resultOf(refused.update, imported.attempts),
    };
  }
}
