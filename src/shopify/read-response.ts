import { ShopifyQueryError, ShopifyThrottledError, type ShopifyGraphqlError } from './errors.ts';
import type { QueryCost } from './throttle.ts';

export type { QueryCost };

interface GraphqlBody<T> {
  data?: T | null;
  errors?: ShopifyGraphqlError[];
  extensions?: { cost?: QueryCost };
}

/**
 * Reads a GraphQL response body. Shopify reports throttling as HTTP 200 with
 * `errors[0].extensions.code = "THROTTLED"` and the bucket in `extensions.cost`; the wait is
 * what the bucket lacks for the requested cost at the restore rate. A query over the
 * 1,000-point cap (MAX_COST_EXCEEDED) and every other error are permanent.
 */
export function readGraphqlBody<T>(body: unknown): { data: T; cost: QueryCost | null } {
  const { data, errors, extensions } = (body ?? {}) as GraphqlBody<T>;
  const cost = extensions?.cost ?? null;
  if (errors && errors.length > 0) {
    if (errors.some((error) => error.extensions?.code === 'THROTTLED')) {
      throw new ShopifyThrottledError('Shopify throttled the request', throttledWait(cost), cost);
    }
    const messages = errors.map((error) => error.message.split('\n')[0]).join('; ');
    throw new ShopifyQueryError(`Shopify rejected the query: ${messages}`, errors);
  }
  if (data === undefined || data === null) throw new ShopifyQueryError('Shopify returned no data', []);
  return { data, cost };
}

/** One second when Shopify gave no bucket figures (its minimal THROTTLED shape). */
function throttledWait(cost: QueryCost | null): number {
  if (!cost) return 1000;
  const { currentlyAvailable, restoreRate } = cost.throttleStatus;
  const missing = Math.max(0, cost.requestedQueryCost - currentlyAvailable);
  return Math.max(100, Math.ceil((missing / restoreRate) * 1000));
}
