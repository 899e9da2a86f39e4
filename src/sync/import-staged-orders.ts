import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import {
  importInTransaction,
  importStagedOrder,
  ImportRefused,
  type ImportDone,
  type ImportResult,
} from './import-staged-order.ts';
import {
  findMirroredOrders,
  latestOrderVersions,
  recordRefundsOfOrders,
  type OrderRefundRecord,
} from './mirror-repository.ts';
import type { SyncDeps } from './ports.ts';
import {
  deleteStagedOrders,
  listStagedOrders,
  markStagedOrderFailed,
  type StagedOrder,
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
}

/** Staged orders imported per transaction. */
const importBatchSize = 100;

/**
 * Step 2 for many staged orders, each on its own (seed 004 2.2 "processed individually"): a
 * failure marks its row and the rest go on. Oldest first, so documents are numbered in order.
 *
 * For throughput the orders go in batches, one transaction each, with the batch's versions and
 * mirror rows read in one query each. Isolation per order holds: books refuses an order (missing
 * SKU, missing customer) before writing anything, so a refusal only marks its row and the batch
 * goes on; any other failure rolls the batch back and imports it again one order per transaction,
 * exactly as without batches (the earlier orders commit, the failure is handled or thrown).
 */
export async function importStagedOrders(
  deps: SyncDeps,
  shopCode: string,
  options: ImportManyOptions = {},
): Promise<ImportResult[]> {
  const connection = await getShopConnection(deps, shopCode);
  const wanted = options.shopifyOrderIds && new Set(options.shopifyOrderIds);
  const rows = (await listStagedOrders(deps.db, shopCode))
    .filter((row) => !wanted || wanted.has(row.shopifyOrderId))
    .reverse();
  const flags = {
    create: options.createDocuments ?? connection.settings.autoCreateDocuments,
    force: false,
  };
  const results: ImportResult[] = [];
  const keep = (result: ImportResult) =>
    results.push(options.documentJson === false ? withoutJson(result) : result);
  for (let start = 0; start < rows.length; start += importBatchSize) {
    const batch = rows.slice(start, start + importBatchSize);
    const outcomes = await importBatch(deps, connection, batch, flags);
    for (const outcome of outcomes ?? []) {
      keep(await finish(deps, connection, outcome));
      options.onProgress?.(results.length, rows.length);
    }
    if (outcomes) continue;
    // Something other than a refusal failed: nothing of this batch was written; one by one.
    for (const row of batch) {
      keep(
        await importStagedOrder(deps, shopCode, row.shopifyOrderId, {
          connection,
          createDocuments: options.createDocuments,
        }),
      );
      options.onProgress?.(results.length, rows.length);
    }
  }
  return results;
}

type BatchOutcome =
  { row: StagedOrder; done: ImportDone } | { row: StagedOrder; failure: { code: string; message: string } };

/** Sentinel: roll the batch back and import its orders one by one. */
class RetryOneByOne extends Error {}

/** One transaction for the batch; undefined when it was rolled back to be imported one by one. */
async function importBatch(
  deps: SyncDeps,
  connection: ShopConnection,
  batch: readonly StagedOrder[],
  flags: { create: boolean; force: boolean },
): Promise<BatchOutcome[] | undefined> {
  const shopCode = connection.settings.code;
  const ids = batch.map((row) => row.shopifyOrderId);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const stillStaged = new Set(await listStagedIds(trx, shopCode, ids));
      const versions = await latestOrderVersions(trx, shopCode, ids);
      const mirrors = await findMirroredOrders(trx, shopCode, ids);
      // A row deleted meanwhile: importStagedOrder reports it as it always has.
      if (ids.some((id) => !stillStaged.has(id))) throw new RetryOneByOne();
      const outcomes: BatchOutcome[] = [];
      const deferred = { stagedIds: [] as string[], refunds: [] as OrderRefundRecord[] };
      for (const row of batch) {
        const id = row.shopifyOrderId;
        try {
          const preloaded = { order: versions.get(id), mirrored: mirrors.get(id), deferred };
          outcomes.push({
            row,
            done: await importInTransaction(trx, deps, connection, id, flags, preloaded),
          });
        } catch (error) {
          if (!(error instanceof ImportRefused)) throw new RetryOneByOne();
          const failure = { code: error.code, message: error.message };
          await markStagedOrderFailed(trx, { shopCode, shopifyOrderId: id }, failure);
          outcomes.push({ row, failure });
        }
      }
      await recordRefundsOfOrders(trx, shopCode, deferred.refunds);
      await deleteStagedOrders(trx, shopCode, deferred.stagedIds);
      return outcomes;
    });
  } catch (error) {
    if (error instanceof RetryOneByOne) return undefined;
    throw error;
  }
}

async function listStagedIds(
  trx: SyncDeps['db'],
  shopCode: string,
  ids: readonly string[],
): Promise<string[]> {
  const rows = await trx
    .selectFrom('orders_to_import')
    .select('shopify_order_id')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', ids)
    .execute();
  return rows.map((row) => row.shopify_order_id);
}

/** After the batch committed: the write-back (never inside a transaction) and the result. */
async function finish(
  deps: SyncDeps,
  connection: ShopConnection,
  outcome: BatchOutcome,
): Promise<ImportResult> {
  const { row } = outcome;
  if ('failure' in outcome) {
    deps.logger?.warn(
      { shopCode: row.shopCode, shopifyOrderId: row.shopifyOrderId, code: outcome.failure.code },
      'order import failed',
    );
    return { status: 'failed', shopifyOrderId: row.shopifyOrderId, name: row.name, error: outcome.failure };
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

function withoutJson(result: ImportResult): ImportResult {
  if (result.status !== 'imported') return result;
  return { ...result, documents: result.documents.map(({ type, number }) => ({ type, number })) };
}
