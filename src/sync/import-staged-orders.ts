import { NotFoundError } from '../shared/errors.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import {
  importOrdersInTransaction,
  type ImportFlags,
  type OrderImportOutcome,
} from './import-orders-in-transaction.ts';
import { importStagedOrder, type ImportResult } from './import-staged-order.ts';
import type { SyncDeps } from './ports.ts';
import {
  countStagedOrders,
  markStagedOrderFailed,
  nextStagedOrders,
  type StagedOrder,
  type StagedPosition,
} from './staging-repository.ts';
import { writeBackDocumentNo } from './write-back-document-no.ts';

export interface ImportManyOptions {
  /** Only these staged orders (seed 002 "Import Selected Orders"); Default: every staged order. */
  shopifyOrderIds?: readonly string[] | undefined;
  createDocuments?: boolean | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Keep each document's JSON in the results (Default: true). `syncOrders` only counts, so it
   * drops them: a 100,000-order backfill would otherwise hold every document in memory.
   */
  documentJson?: boolean | undefined;
  /** The shop, when the caller has loaded it already. */
  connection?: ShopConnection | undefined;
  /** Staged orders to leave alone (already taken by this run). */
  skip?: ReadonlySet<string> | undefined;
  /** The run tries these orders a second time: a failure again is not one more attempt. */
  sameRunRetry?: boolean | undefined;
}

/** Staged orders imported per transaction. */
const importBatchSize = 100;

/** importStagedOrders' results, all in one array (the CLI and API answer with them). */
export async function importStagedOrders(
  deps: SyncDeps,
  shopCode: string,
  options: ImportManyOptions = {},
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  await importStagedOrdersEach(deps, shopCode, options, (result) => results.push(result));
  return results;
}

/**
 * Step 2 for many staged orders, each on its own (seed 004 2.2 "processed individually"): a
 * failure marks its row and the rest go on. Oldest first, so documents are numbered in order.
 * Each result goes to `onResult` as its batch commits; nothing is held for the whole run, so a
 * 100,000-order backfill imports in the memory of one batch.
 *
 * For throughput the orders go in batches, one transaction each (importOrdersInTransaction reads
 * and writes a batch in a fixed number of statements). Isolation per order holds: books refuses
 * an order (missing SKU, missing customer) before writing anything, so a refusal only marks its
 * row; any other failure rolls the batch back and imports it again one order per transaction,
 * exactly as without batches (the earlier orders commit, the failure is handled or thrown).
 */
export async function importStagedOrdersEach(
  deps: SyncDeps,
  shopCode: string,
  options: ImportManyOptions,
  onResult: (result: ImportResult) => void,
): Promise<void> {
  const connection = options.connection ?? (await getShopConnection(deps, shopCode));
  const ids = options.shopifyOrderIds && [...new Set(options.shopifyOrderIds)];
  const total = options.onProgress ? await countStagedOrders(deps.db, shopCode, ids) : 0;
  const flags: ImportFlags = {
    create: options.createDocuments ?? connection.settings.autoCreateDocuments,
    force: false,
    withJson: options.documentJson ?? true,
  };
  let done = 0;
  const report = (result: ImportResult) => {
    onResult(result);
    options.onProgress?.((done += 1), total);
  };
  const { skip } = options;
  let after: StagedPosition | null = null;
  for (;;) {
    const read = await nextStagedOrders(deps.db, shopCode, {
      after,
      limit: importBatchSize,
      shopifyOrderIds: ids,
    });
    const last = read.at(-1);
    if (!last) return;
    after = { createdAt: last.createdAt, shopifyOrderId: last.shopifyOrderId };
    const batch = skip ? read.filter((row) => !skip.has(row.shopifyOrderId)) : read;
    if (batch.length === 0) continue;
    const outcomes = await importBatch(deps, connection, batch, flags, options.sameRunRetry ?? false);
    if (outcomes) {
      for (const outcome of outcomes) report(await finish(deps, connection, outcome));
      continue;
    }
    // Something other than a refusal failed: nothing of this batch was written; one by one.
    for (const row of batch) {
      const result = await importStagedOrder(deps, shopCode, row.shopifyOrderId, {
        connection,
        createDocuments: options.createDocuments,
        sameRunRetry: options.sameRunRetry,
      }).catch(goneSinceRead);
      if (result) report(result);
    }
  }
}

/**
 * The order's staging row went away after the batch was read: a webhook's order-sync job on
 * another worker imported it meanwhile (the batch rolled back for that very reason), or an
 * operator excluded it. Nothing is left to do for it; found by test/runtime/crash-safety, where
 * this NotFoundError dead-lettered the whole periodic sync.
 */
function goneSinceRead(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}

type BatchOutcome = OrderImportOutcome & { row: StagedOrder };

/** One transaction for the batch; undefined when it was rolled back to be imported one by one. */
async function importBatch(
  deps: SyncDeps,
  connection: ShopConnection,
  batch: readonly StagedOrder[],
  flags: ImportFlags,
  sameRunRetry: boolean,
): Promise<BatchOutcome[] | undefined> {
  const shopCode = connection.settings.code;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const outcomes = await importOrdersInTransaction(
        trx,
        deps,
        connection,
        batch.map((row) => row.shopifyOrderId),
        flags,
      );
      for (const outcome of outcomes) {
        if ('refused' in outcome) {
          const key = { shopCode, shopifyOrderId: outcome.shopifyOrderId };
          await markStagedOrderFailed(trx, key, outcome.refused, { countAttempt: !sameRunRetry });
        }
      }
      return outcomes.map((outcome, index) => ({ ...outcome, row: batch[index]! }));
    });
  } catch (error) {
    // Whatever it was, the one-by-one import meets it again on its own order and reports or throws it.
    deps.logger?.debug({ shopCode, err: error }, 'import batch rolled back; importing its orders one by one');
    return undefined;
  }
}

/** After the batch committed: the write-back (never inside a transaction) and the result. */
async function finish(
  deps: SyncDeps,
  connection: ShopConnection,
  outcome: BatchOutcome,
): Promise<ImportResult> {
  const { row } = outcome;
  if ('refused' in outcome) {
    deps.logger?.warn(
      { shopCode: row.shopCode, shopifyOrderId: row.shopifyOrderId, code: outcome.refused.code },
      'order import failed',
    );
    deps.onImportError?.(row.shopCode, outcome.refused.code);
    return { status: 'failed', shopifyOrderId: row.shopifyOrderId, name: row.name, error: outcome.refused };
  }
  const { done } = outcome;
  const writeBack = await writeBackDocumentNo(deps, connection, done.order, done.documents);
  return {
    status: 'imported',
    shopifyOrderId: row.shopifyOrderId,
    name: done.order.name,
    ...done.result,
    writeBack,
  };
}
