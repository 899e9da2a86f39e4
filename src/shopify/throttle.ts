/**
 * Paces GraphQL requests against Shopify's leaky bucket so that THROTTLED stays rare.
 * Shopify reports `extensions.cost.throttleStatus { maximumAvailable, currentlyAvailable,
 * restoreRate }` on every response; between responses the bucket refills at `restoreRate`
 * points per second up to `maximumAvailable`. Before a request of estimated cost C we wait
 * until the bucket, as last seen and refilled since, holds C.
 * (shopify.dev "API rate limits": cost-based leaky bucket, 100 points/s restore on standard plans.)
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** The pacing contract; a shared, database-backed budget for many workers implements the same. */
export interface CostBudget {
  /** Milliseconds to wait before spending `cost` points. */
  delayBefore(cost: number): number;
  /** Records what Shopify said about the bucket after a response. */
  observe(status: ThrottleStatus): void;
  /**
   * Takes `cost` points out of the bucket as seen here when a request is about to go, so that
   * requests in flight together (a backfill's follow-up reads) wait for each other instead of all
   * spending the same points and meeting THROTTLED. The next response corrects the figure.
   */
  spend?(cost: number): void;
}

/**
 * The pacing contract of a budget kept outside this process (several workers on one shop): the
 * points are taken atomically where every worker sees them, so the calls are asynchronous.
 * `createSharedBudget` (shared-budget.ts) implements it on the database.
 */
export interface SharedCostBudget {
  /** Takes `cost` points: 0 when taken, else milliseconds to wait before asking again. */
  reserve(cost: number): Promise<number>;
  /**
   * After the attempt: gives back what Shopify did not charge and records the bucket it reported.
   * `reported` null (no answer, an HTTP error) keeps the reservation as spent; an
   * `actualQueryCost` of null (THROTTLED) means nothing was charged.
   */
  settle(reserved: number, reported: QueryCost | null): Promise<void>;
  /**
   * An answer that says nothing of cost (an endpoint without Shopify's cost-based rate limit, e.g.
   * the emulator with throttling off): nothing was charged, the whole reservation goes back.
   */
  release?(reserved: number): Promise<void>;
}

export class ThrottleGovernor implements CostBudget {
  #last: (ThrottleStatus & { observedAtMs: number }) | null = null;

  constructor(private readonly nowMs: () => number = Date.now) {}

  delayBefore(cost: number): number {
    if (!this.#last) return 0;
    const { maximumAvailable, restoreRate } = this.#last;
    const wanted = Math.min(cost, maximumAvailable);
    const shortfall = wanted - this.availableNow();
    return shortfall <= 0 ? 0 : Math.ceil((shortfall / restoreRate) * 1000);
  }

  observe(status: ThrottleStatus): void {
    this.#last = { ...status, observedAtMs: this.nowMs() };
  }

  spend(cost: number): void {
    if (!this.#last) return;
    const now = this.nowMs();
    this.#last = { ...this.#last, currentlyAvailable: this.availableNow() - cost, observedAtMs: now };
  }

  /** Points in the bucket now, as last reported and refilled since. */
  availableNow(): number {
    if (!this.#last) return Number.POSITIVE_INFINITY;
    const elapsedSeconds = Math.max(0, this.nowMs() - this.#last.observedAtMs) / 1000;
    return Math.min(
      this.#last.maximumAvailable,
      this.#last.currentlyAvailable + elapsedSeconds * this.#last.restoreRate,
    );
  }
}
