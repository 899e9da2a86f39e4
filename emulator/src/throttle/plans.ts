/**
 * Rate-limit presets by shop plan.
 * GraphQL (shopify.dev "GraphQL Admin API rate limits"): restore rate Standard 100 points/s,
 * Advanced 200, Plus 1000; the bucket holds 20 seconds of restore (2,000 / 4,000 / 20,000; the
 * recorded Advanced response in fixtures/graphql-error-shapes/throttled.json shows 4000.0 / 200.0).
 * REST (shopify.dev "REST Admin API rate limits"): 2 requests/s with a bucket of 40 on Standard,
 * 4/s on Advanced (fixtures/graphql-error-shapes/rest-429.json: "bucket 80, leak 4/s"), 20/s on Plus,
 * the bucket again 20 seconds of leak.
 * `off` never throttles.
 */
export const planNames = ['standard', 'advanced', 'plus', 'off'] as const;
export type PlanName = (typeof planNames)[number];

export interface RatePlan {
  readonly graphql: { readonly bucketSize: number; readonly restoreRate: number };
  readonly rest: { readonly bucketSize: number; readonly leakRate: number };
}

export const ratePlans: Readonly<Record<Exclude<PlanName, 'off'>, RatePlan>> = {
  standard: { graphql: { bucketSize: 2_000, restoreRate: 100 }, rest: { bucketSize: 40, leakRate: 2 } },
  advanced: { graphql: { bucketSize: 4_000, restoreRate: 200 }, rest: { bucketSize: 80, leakRate: 4 } },
  plus: { graphql: { bucketSize: 20_000, restoreRate: 1_000 }, rest: { bucketSize: 400, leakRate: 20 } },
};

/** Default plan: `standard`, what a real development or basic shop gets. */
export const DEFAULT_PLAN: PlanName = 'standard';

export function isPlanName(value: unknown): value is PlanName {
  return typeof value === 'string' && (planNames as readonly string[]).includes(value);
}
