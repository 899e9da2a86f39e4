import { analyzeWhereNeeded } from '../db/index.ts';
import { archiveOrders } from '../outbound/archive/archive-orders.ts';
import type { ImportResult } from './import-staged-order.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import { startImportQueue } from './import-queue.ts';
import { importStagedOrdersEach } from './import-staged-orders.ts';
import type { SyncDeps } from './ports.ts';
import { processRefunds, type RefundResult } from './process-refunds.ts';
import { stageOrders, type StageSummary } from './stage-orders.ts';

/**
 * Where a running sync is: `staging` while Shopify is read (staged orders are imported meanwhile),
 * `importing` the staged rows left (earlier errors retried), `refunds` booking refunds, `archiving`.
 */
export type SyncPhase = 'staging' | 'importing' | 'refunds' | 'archiving';

/** Where a running sync stands: orders fetched and staged so far, imported and failed so far. */
export interface SyncProgress {
  phase: SyncPhase;
  fetched: number;
  staged: number;
  /** Orders imported (documents made or recorded) so far. */
  imported: number;
  /** Orders whose import failed so far (the error stays on the staging row). */
  failed: number;
}

export interface SyncSummary {
  stage: StageSummary;
  staged: number;
  imported: number;
  conflicts: number;
  errors: { shopifyOrderId: string; name: string; code: string; message: string }[];
  /** Orders fetched but not staged: already current, unchanged, excluded by an operator, archived, before the integration date or filtered out. */
  skipped: number;
  warnings: string[];
  /** Orders of this run archived in Shopify and here (setting archiveProcessedOrders; seed 002). */
  archived: number;
  /** Refunds decided in this run (shops in "auto create credit memo" mode; seed 002): by outcome. */
  refunds: Record<RefundResult['status'], number>;
  refundErrors: { shopifyRefundId: string; orderName: string; code: string; message: string }[];
}

/**
 * `sync orders`: step 1 and step 2 (seed 002 "Under the hood"). Each staged page is imported while
 * the next is fetched (startImportQueue); then every other staged row, including those left
 * with an error by an earlier run (retry), each on its own. Results are counted as they come, so
 * a backfill of any size runs in the memory of a few batches.
 */
export async function syncOrders(
  deps: SyncDeps,
  shopCode: string,
  options: {
    bulk?: boolean | undefined;
    onProgress?: ((progress: SyncProgress) => void) | undefined;
    /** Read again orders changed this long before the cursor (the periodic sync's catch-up). */
    overlapSeconds?: number | undefined;
  } = {},
): Promise<SyncSummary> {
  const connection = await getShopConnection(deps, shopCode);
  const tally = emptyTally();
  const progress: SyncProgress = { phase: 'staging', fetched: 0, staged: 0, imported: 0, failed: 0 };
  const report = (phase: SyncPhase = progress.phase) => {
    progress.phase = phase;
    options.onProgress?.({ ...progress });
  };
  // Only kept when they are to be archived: a 100,000-order backfill would hold every id otherwise.
  const ofThisRun = connection.settings.archiveProcessedOrders ? new Set<string>() : undefined;
  const onResult = (result: ImportResult) => {
    ofThisRun?.add(result.shopifyOrderId);
    count(tally, result);
    if (result.status === 'failed') progress.failed += 1;
    else progress.imported += 1;
    report();
  };
  // Refunds are booked as their orders are imported, while the fetch waits on Shopify's bucket:
  // booked after the whole fetch, they added their time to a throttled sync's (bench:import).
  // Refund results are counted as they come, not kept: a processed one carries its documents, and
  // a 100,000-order backfill books ~40,000 refunds; kept, the live heap grew with the backfill.
  const refundTally = emptyRefundTally();
  // Refunds decided in this run but still open (waiting, error): not decided twice in one run.
  // Settled ones need no remembering: they are no longer listed as open.
  const decidedOpen = new Set<string>();
  const bookRefunds = connection.settings.returnsAndRefundsMode === 'auto_create_credit_memo';
  const bookRefundsOf = async (shopifyOrderIds?: readonly string[]) => {
    const results = await processRefunds(deps, shopCode, {
      connection,
      shopifyOrderIds,
      exceptShopifyRefundIds: decidedOpen,
    });
    for (const result of results) {
      countRefund(refundTally, result);
      if (result.status === 'waiting' || result.status === 'error') decidedOpen.add(result.shopifyRefundId);
    }
  };
  const queue = startImportQueue(
    deps,
    connection,
    {
      documentJson: false,
      afterImport: bookRefunds ? bookRefundsOf : undefined,
      // A backfill fills the books' and the mirror's tables from empty: their planner statistics
      // are gathered as they grow, or later takes' lookups scan whole tables (analyzeWhereNeeded).
      betweenTakes: () => analyzeWhereNeeded(deps.db),
    },
    onResult,
  );
  const stage = await stageOrders(deps, shopCode, {
    bulk: options.bulk,
    overlapSeconds: options.overlapSeconds,
    onProgress: ({ fetched, staged }) => {
      progress.fetched = fetched;
      progress.staged = staged;
      report();
    },
    onStaged: (ids) => queue.push(ids),
  }).finally(() => queue.finish().catch(() => undefined));
  const taken = await queue.finish();
  report('importing');
  await importStagedOrdersEach(deps, shopCode, { connection, documentJson: false, skip: taken }, onResult);
  await retryWaitingForCustomers(deps, shopCode, connection, tally);
  // The rest: refunds of orders imported after the queue, and those still waiting.
  if (bookRefunds) {
    report('refunds');
    await bookRefundsOf();
  }
  if (ofThisRun) report('archiving');
  const archived = ofThisRun
    ? (await archiveOrders(deps, shopCode, { shopifyOrderIds: [...ofThisRun] })).archived.length
    : 0;
  return {
    archived,
    stage,
    staged: stage.outcomes.staged,
    skipped: stage.fetched - stage.outcomes.staged,
    ...tally,
    ...refundTally,
  };
}

/**
 * An order without an address cannot create its customer (seed 002), but a later order of the same
 * buyer in this run may have: such orders go once more before the run ends, so the run's outcome
 * does not depend on the order Shopify listed them in, and the next sync has nothing left to do.
 * A second refusal is the same run's attempt, not another.
 */
async function retryWaitingForCustomers(
  deps: SyncDeps,
  shopCode: string,
  connection: ShopConnection,
  tally: Tally,
): Promise<void> {
  const waiting = tally.errors.filter((e) => e.code === 'customer_not_found');
  if (waiting.length === 0 || tally.imported === 0) return;
  const ids = new Set(waiting.map((e) => e.shopifyOrderId));
  tally.errors = tally.errors.filter((e) => !ids.has(e.shopifyOrderId));
  await importStagedOrdersEach(
    deps,
    shopCode,
    { connection, documentJson: false, shopifyOrderIds: [...ids], sameRunRetry: true },
    (result) => count(tally, result),
  );
}

type RefundTally = Pick<SyncSummary, 'refunds' | 'refundErrors'>;

function emptyRefundTally(): RefundTally {
  return { refunds: { processed: 0, waiting: 0, not_convertible: 0, error: 0 }, refundErrors: [] };
}

function countRefund(tally: RefundTally, result: RefundResult): void {
  tally.refunds[result.status] += 1;
  if (result.status !== 'error') return;
  const { shopifyRefundId, orderName, code, message } = result;
  tally.refundErrors.push({ shopifyRefundId, orderName, code, message });
}

type Tally = Pick<SyncSummary, 'imported' | 'conflicts' | 'errors' | 'warnings'>;

function emptyTally(): Tally {
  return { imported: 0, conflicts: 0, errors: [], warnings: [] };
}

function count(summary: Tally, result: ImportResult): void {
  if (result.status === 'failed') {
    summary.errors.push({ shopifyOrderId: result.shopifyOrderId, name: result.name, ...result.error });
    return;
  }
  summary.imported += 1;
  if (result.conflict) summary.conflicts += 1;
  if (result.writeBack.status === 'failed') summary.warnings.push(result.writeBack.message);
}
