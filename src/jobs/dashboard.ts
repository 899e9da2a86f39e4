import type { ShopifyCostUse } from '../runtime/metrics.ts';
import { syncActivity, type DayActivity, type ShopSyncState } from '../sync/index.ts';
import { listAttention, type AttentionDeps } from './list-attention.ts';

/** The window "API cost used vs budget" is measured over (Default: the last hour). */
export const apiCostWindowSeconds = 3600;

export interface ApiCost {
  /** Shopify GraphQL cost points charged (actualQueryCost) in the window, all shops. */
  used: number;
  /**
   * What Shopify's buckets give back in the window at their restore rate (restoreRate x window
   * seconds), summed over the shops whose bucket Shopify has reported; null before any report.
   */
  budget: number | null;
  unit: 'cost_points';
  window: { seconds: number; since: string };
  shops: { code: string; used: number; budget: number | null; bucket: ShopifyCostUse['bucket'] }[];
}

export interface Dashboard {
  generatedAt: string;
  days: DayActivity[];
  shops: ShopSyncState[];
  apiCost: ApiCost;
  errors: {
    deadLetters: number;
    stagingErrors: number;
    /** null when asked without reconcile (`?reconcile=false`). */
    reconciliationDifferences: number | null;
    failedRefundImports: number;
  };
}

/** GET /api/dashboard (issue 9 item 8): sync lag, orders and refunds per day, API cost, error counts. */
export async function dashboard(
  deps: AttentionDeps & { costUse?: ((seconds: number) => ShopifyCostUse[]) | undefined },
  options: { days: number; reconcile?: boolean | undefined },
): Promise<Dashboard> {
  const now = deps.sync.now?.() ?? new Date();
  const activity = await syncActivity(deps.sync, { days: options.days });
  const reconcile = options.reconcile ?? true;
  const { counts } = await listAttention(deps, { reconcile });
  return {
    generatedAt: now.toISOString(),
    ...activity,
    apiCost: apiCost(deps.costUse?.(apiCostWindowSeconds) ?? [], now),
    errors: {
      deadLetters: counts.dead_letter,
      stagingErrors: counts.staging_error,
      reconciliationDifferences: reconcile ? counts.reconciliation_difference : null,
      failedRefundImports: counts.failed_refund_import,
    },
  };
}

function apiCost(uses: readonly ShopifyCostUse[], now: Date): ApiCost {
  const shops = uses.map((use) => ({
    code: use.shop,
    used: use.usedPoints,
    budget: use.bucket === null ? null : use.bucket.restoreRate * apiCostWindowSeconds,
    bucket: use.bucket,
  }));
  const budgets = shops.flatMap((shop) => (shop.budget === null ? [] : [shop.budget]));
  return {
    used: shops.reduce((sum, shop) => sum + shop.used, 0),
    budget: budgets.length === 0 ? null : budgets.reduce((sum, budget) => sum + budget, 0),
    unit: 'cost_points',
    window: {
      seconds: apiCostWindowSeconds,
      since: new Date(now.getTime() - apiCostWindowSeconds * 1000).toISOString(),
    },
    shops,
  };
}
