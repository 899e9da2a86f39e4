import type { Logger } from '../shared/logger.ts';
import { ShopifyThrottledError } from './errors.ts';
import type { CostBudget, QueryCost, SharedCostBudget } from './throttle.ts';

/** A budget of this process alone, or one shared by every worker of the shop. */
export type AnyCostBudget = CostBudget | SharedCostBudget;

/** How the client waits for points before an attempt and accounts for them after it. */
export interface Pacer {
  /** The cost to hold for an operation whose requested cost Shopify has not reported yet. */
  readonly unknownCost: number;
  take(cost: number): Promise<void>;
  /** `answered`: Shopify returned data (not THROTTLED, not an error). */
  settle(cost: number, reported: QueryCost | null, answered: boolean): void | Promise<void>;
}

/** How often a request waiting for points looks at the bucket again. */
export const recheckMs = 250;
/** Before Shopify has told us an operation's cost, this process assumes a mid-sized query. */
const localUnknownCost = 50;
/**
 * Several workers guessing low would together overdraw the bucket, so a shared budget holds the
 * most a single query may request (shopify.dev "API rate limits": 1,000 points) and gives the
 * unused part back when Shopify reports the real cost.
 */
const sharedUnknownCost = 1000;

export function isSharedBudget(budget: AnyCostBudget): budget is SharedCostBudget {
  return typeof (budget as Partial<SharedCostBudget>).reserve === 'function';
}

export function createPacer(
  budget: AnyCostBudget,
  sleep: (ms: number) => Promise<void>,
  logger?: Logger,
): Pacer {
  return isSharedBudget(budget) ? sharedPacer(budget, sleep, logger) : localPacer(budget, sleep);
}

/** The bucket Shopify reported with an answer or with a THROTTLED refusal (nothing charged). */
export function reportedCost(error: unknown): QueryCost | null {
  return error instanceof ShopifyThrottledError ? error.cost : null;
}

/**
 * This process alone: synchronous, as before. Shopify holds a request's requested cost while it
 * runs and gives back what it did not use (actual < requested), so a response can show a fuller
 * bucket than our estimate: a waiting request looks again at least every `recheckMs` instead of
 * sleeping its whole first estimate.
 */
function localPacer(budget: CostBudget, sleep: (ms: number) => Promise<void>): Pacer {
  return {
    unknownCost: localUnknownCost,
    async take(cost) {
      for (let wait = budget.delayBefore(cost); wait > 0; wait = budget.delayBefore(cost)) {
        await sleep(Math.min(wait, recheckMs));
      }
      budget.spend?.(cost); // taken as it goes: requests in flight together share the bucket
    },
    settle(_cost, reported, answered) {
      if (answered && reported) budget.observe(reported.throttleStatus);
    },
  };
}

/**
 * Every worker of the shop: the points are taken in the database before the request goes. A
 * failed settlement is only logged: the answer is good, and the reservation it could not give
 * back returns to the bucket by itself as the bucket refills.
 */
function sharedPacer(
  budget: SharedCostBudget,
  sleep: (ms: number) => Promise<void>,
  logger: Logger | undefined,
): Pacer {
  return {
    unknownCost: sharedUnknownCost,
    async take(cost) {
      for (let wait = await budget.reserve(cost); wait > 0; wait = await budget.reserve(cost)) {
        await sleep(Math.min(wait, recheckMs));
      }
    },
    async settle(cost, reported, answered) {
      try {
        if (answered && !reported && budget.release) await budget.release(cost);
        else await budget.settle(cost, reported);
      } catch (error) {
        logger?.warn({ code: (error as { code?: string }).code }, 'shared throttle budget not settled');
      }
    },
  };
}
