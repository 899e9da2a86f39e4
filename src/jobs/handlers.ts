import { syncOneOrder, syncOrders, type SyncDeps } from '../sync/index.ts';
import type { OrderSyncJob } from './contract.ts';
import type { ShopSyncJob } from './job-queue.ts';

/** How far before its cursor the periodic sync reads again (see StageOptions.overlapSeconds). */
export const pollOverlapSeconds = 300;

/** An order-sync job: the order read again and brought in step; what happened, kept as the job's output. */
export async function runOrderSync(deps: SyncDeps, job: OrderSyncJob): Promise<object> {
  const outcome = await syncOneOrder(deps, job.shopCode, job.shopifyOrderId);
  if (outcome.kind === 'first_sync') return { firstSync: compactSummary(outcome.summary) };
  const failed = outcome.import?.status === 'failed' ? outcome.import.error : null;
  return {
    staging: outcome.staging,
    import: outcome.import?.status ?? null,
    ...(failed && { error: failed }),
    waitingImported: (outcome.waitingImported ?? []).filter((r) => r.status === 'imported').length,
    refunds: outcome.refunds.map((refund) => `${refund.shopifyRefundId}:${refund.status}`),
  };
}

/**
 * A shop's periodic sync: the catch-up for missed or late webhooks, and the whole job for shops
 * without webhooks. An order that fails to import stays staged with its error (seed 002) and is
 * retried next time; that is a business outcome, not a failed job.
 */
export async function runShopSync(deps: SyncDeps, job: ShopSyncJob): Promise<object> {
  return compactSummary(await syncOrders(deps, job.shopCode, { overlapSeconds: pollOverlapSeconds }));
}

function compactSummary(summary: Awaited<ReturnType<typeof syncOrders>>): object {
  return {
    fetched: summary.stage.fetched,
    staged: summary.staged,
    imported: summary.imported,
    errors: summary.errors.length,
    refunds: summary.refunds,
  };
}
