import { createLeakyBucket, type LeakyBucket } from './leaky-bucket.ts';
import { DEFAULT_PLAN, ratePlans, type PlanName, type RatePlan } from './plans.ts';

/** `extensions.cost.throttleStatus` as Shopify reports it. */
export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

/**
 * GraphQL's cost-based gate (shopify.dev "GraphQL Admin API rate limits"): a query is admitted on
 * its requested cost, then charged its actual cost - the difference is refunded.
 */
export interface CostGate {
  /** Takes `requested` points if the bucket has them; false = THROTTLED, nothing taken. */
  admit(requested: number): boolean;
  /** After execution: refunds `requested - actual`. */
  settle(requested: number, actual: number): void;
  status(): ThrottleStatus;
}

/** REST's request-count gate (shopify.dev "REST Admin API rate limits"). */
export interface RestGate {
  take(): RestAdmission;
}

export type RestAdmission =
  | { readonly ok: true; /** `X-Shopify-Shop-Api-Call-Limit`, e.g. "1/40". */ readonly callLimit: string }
  | { readonly ok: false; readonly retryAfterSeconds: number; readonly leakRate: number };

export interface Throttle {
  readonly plan: PlanName;
  /** Switches plan with fresh (empty) buckets, as a plan change does. */
  setPlan(plan: PlanName): void;
  /** Empties both buckets (full GraphQL budget, 0 REST calls used). */
  reset(): void;
  readonly graphql: CostGate;
  readonly rest: RestGate;
  describe(): ThrottleDescription;
}

export interface ThrottleDescription {
  readonly plan: PlanName;
  readonly graphql: ThrottleStatus;
  readonly rest: { readonly bucketSize: number; readonly used: number; readonly leakRate: number };
}

export interface ThrottleOptions {
  /** Epoch ms from the emulator clock. */
  readonly nowMs: () => number;
  /** Default: `standard`. */
  readonly plan?: PlanName;
}

interface Buckets {
  readonly plan: RatePlan | null;
  readonly graphql: LeakyBucket | null;
  readonly rest: LeakyBucket | null;
}

/**
 * With `off`, the reported status is a full bucket of the largest plan (Plus), never drained.
 * Shopify asks clients to pace by `throttleStatus`, and a client that does (holding each request's
 * requested cost while it is in flight) would be held to a Standard bucket's 2,000 points by a
 * Standard report even though nothing here throttles: four ~500-point reads in flight already
 * fill it. `off` is for measuring a client's own speed, so the report must not be the limit.
 */
const offStatus = ratePlans.plus.graphql;

/** One throttle per emulated app + shop pair (Shopify's limits are per app and store). */
export function createThrottle(options: ThrottleOptions): Throttle {
  let plan = options.plan ?? DEFAULT_PLAN;
  let buckets = bucketsFor(plan, options.nowMs);
  const status = (): ThrottleStatus => {
    if (!buckets.graphql) {
      const full = offStatus.bucketSize;
      return { maximumAvailable: full, currentlyAvailable: full, restoreRate: offStatus.restoreRate };
    }
    return {
      maximumAvailable: buckets.graphql.capacity,
      // Shopify reports whole points.
      currentlyAvailable: Math.floor(buckets.graphql.available() + 1e-9),
      restoreRate: buckets.graphql.leakPerSecond,
    };
  };
  const graphql: CostGate = {
    admit: (requested) => buckets.graphql?.tryAdd(requested) ?? true,
    settle: (requested, actual) => {
      const bucket = buckets.graphql;
      if (!bucket) return;
      if (actual <= requested) bucket.remove(requested - actual);
      else bucket.tryAdd(actual - requested);
    },
    status,
  };
  const rest: RestGate = { take: () => takeRestCall(buckets) };
  return {
    get plan() {
      return plan;
    },
    setPlan: (next) => {
      plan = next;
      buckets = bucketsFor(next, options.nowMs);
    },
    reset: () => {
      buckets.graphql?.empty();
      buckets.rest?.empty();
    },
    graphql,
    rest,
    describe: () => ({
      plan,
      graphql: status(),
      rest: {
        bucketSize: buckets.rest?.capacity ?? ratePlans.standard.rest.bucketSize,
        used: buckets.rest ? wholeCalls(buckets.rest.used()) : 0,
        leakRate: buckets.rest?.leakPerSecond ?? ratePlans.standard.rest.leakRate,
      },
    }),
  };
}

function bucketsFor(plan: PlanName, nowMs: () => number): Buckets {
  if (plan === 'off') return { plan: null, graphql: null, rest: null };
  const limits = ratePlans[plan];
  return {
    plan: limits,
    graphql: createLeakyBucket(limits.graphql.bucketSize, limits.graphql.restoreRate, nowMs),
    rest: createLeakyBucket(limits.rest.bucketSize, limits.rest.leakRate, nowMs),
  };
}

function takeRestCall(buckets: Buckets): RestAdmission {
  const bucket = buckets.rest;
  if (!bucket) return { ok: true, callLimit: `0/${ratePlans.standard.rest.bucketSize}` };
  if (!bucket.tryAdd(1)) {
    return { ok: false, retryAfterSeconds: bucket.secondsUntilFits(1), leakRate: bucket.leakPerSecond };
  }
  return { ok: true, callLimit: `${wholeCalls(bucket.used())}/${bucket.capacity}` };
}

/** A partly leaked call still counts as one in the header (never under-reports usage). */
function wholeCalls(used: number): number {
  return Math.ceil(used - 1e-9);
}
