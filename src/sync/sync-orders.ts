import type { ImportResult } from './import-staged-order.ts';
import { importStagedOrders } from './import-staged-orders.ts';
import type { SyncDeps } from './ports.ts';
import { stageOrders, type StageSummary } from './stage-orders.ts';

export interface SyncProgress {
  phase: 'stage' | 'import';
  done: number;
  total: number | null;
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
}

/**
 * `sync orders`: step 1 then step 2 (seed 002 "Under the hood"). Step 2 takes every staged row,
 * including those left with an error by an earlier run (retry), each on its own.
 */
export async function syncOrders(
  deps: SyncDeps,
  shopCode: string,
  options: { bulk?: boolean | undefined; onProgress?: ((progress: SyncProgress) => void) | undefined } = {},
): Promise<SyncSummary> {
  const stage = await stageOrders(deps, shopCode, {
    bulk: options.bulk,
    onProgress: ({ fetched }) => options.onProgress?.({ phase: 'stage', done: fetched, total: null }),
  });
  const results = await importStagedOrders(deps, shopCode, {
    onProgress: (done, total) => options.onProgress?.({ phase: 'import', done, total }),
    documentJson: false,
  });
  return summarize(stage, results);
}

export function summarize(stage: StageSummary, results: readonly ImportResult[]): SyncSummary {
  const imported = results.flatMap((r) => (r.status === 'imported' ? [r] : []));
  return {
    stage,
    staged: stage.outcomes.staged,
    imported: imported.length,
    conflicts: imported.filter((r) => r.conflict).length,
    errors: results.flatMap((r) =>
      r.status === 'failed' ? [{ shopifyOrderId: r.shopifyOrderId, name: r.name, ...r.error }] : [],
    ),
    skipped: stage.fetched - stage.outcomes.staged,
    warnings: imported.flatMap((r) => (r.writeBack.status === 'failed' ? [r.writeBack.message] : [])),
  };
}
