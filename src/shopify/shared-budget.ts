import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ShopifyBudgetUnavailableError } from './errors.ts';
import type { QueryCost, SharedCostBudget } from './throttle.ts';

export interface SharedBudgetOptions {
  /**
   * The clock the bucket refills by (Default: the database's `clock_timestamp()`, one clock for
   * every worker whatever its machine's says). Tests pass a fake one.
   */
  now?: () => Date;
}

/** A shop's bucket as a reservation found it (`available` refilled to then). */
export interface BucketState {
  /** Null until Shopify has reported the bucket. */
  maximumAvailable: number | null;
  restoreRate: number;
  /** Points in the bucket; while the maximum is unknown, minus the points reserved so far. */
  available: number;
}

/**
 * Before Shopify has reported a shop's bucket, requests go (nothing to pace by) while the points
 * reserved together stay within one query's maximum (shopify.dev "API rate limits": 1,000 points
 * a query; every plan's bucket holds more), so N fresh workers do not all go at once.
 */
export const unknownBucketAllowance = 1000;

/**
 * Shopify's cost-based leaky bucket for one shop, kept in the database (`shopify_budgets`) so
 * that every worker draws on the same points (shopify.dev "API rate limits": the bucket is per
 * app and store, whichever process asks). A request reserves its requested cost before it goes,
 * in one statement that takes the points only if the bucket, refilled to now, holds them; the
 * answer gives back what Shopify did not charge and lowers the bucket to what Shopify reported
 * when that is less. A reservation never settled (a crashed worker) stays spent and comes back
 * with the refill, as in Shopify's own bucket.
 */
export class SharedBudget implements SharedCostBudget {
  readonly #db: Kysely<Database>;
  readonly #now: (() => Date) | undefined;

  constructor(
    db: Kysely<Database>,
    readonly shopDomain: string,
    options: SharedBudgetOptions = {},
  ) {
    this.#db = db;
    this.#now = options.now;
  }

  async reserve(cost: number): Promise<number> {
    const { rows } = await this.#run(reserveStatement(this.shopDomain, cost, this.#clock()));
    const row = rows[0];
    if (!row) return 1; // created by another worker this instant: ask again
    if (row.taken) return 0;
    const state = {
      maximumAvailable: row.maximum_available,
      restoreRate: row.restore_rate,
      available: row.available,
    };
    return waitMs(state, cost);
  }

  async settle(reserved: number, reported: QueryCost | null): Promise<void> {
    // No answer: whatever Shopify charged stays reserved and the bucket says nothing new.
    if (!reported) return;
    await this.#run(settleStatement(this.shopDomain, reserved, reported, this.#clock()));
  }

  async release(reserved: number): Promise<void> {
    await this.#run(sql`
      update shopify_budgets set available = available + ${reserved}::float8,
        in_flight = greatest(0, in_flight - 1),
        overlapped = overlapped and in_flight > 1
      where shop_domain = ${this.shopDomain}`);
  }

  #clock(): RawBuilder<Date> {
    return this.#now ? sql<Date>`${this.#now().toISOString()}::timestamptz` : sql<Date>`clock_timestamp()`;
  }

  async #run<R>(query: RawBuilder<R>) {
    try {
      return await query.execute(this.#db);
    } catch (error) {
      throw new ShopifyBudgetUnavailableError(
        `The shared throttle budget of ${this.shopDomain} could not be used: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

/** Workers of one shop each create their own; they share the bucket through `db`. */
export function createSharedBudget(
  db: Kysely<Database>,
  shopDomain: string,
  options: SharedBudgetOptions = {},
): SharedBudget {
  return new SharedBudget(db, shopDomain, options);
}

/** Milliseconds until `cost` fits (at least 1: 0 would mean the points were taken). */
export function waitMs(bucket: BucketState, cost: number): number {
  const missing =
    bucket.maximumAvailable === null
      ? cost - Math.max(unknownBucketAllowance, cost) - bucket.available
      : Math.min(cost, bucket.maximumAvailable) - bucket.available;
  return Math.max(1, Math.ceil((missing / bucket.restoreRate) * 1000));
}

/** What Shopify did not charge of a reservation: all of it when THROTTLED (actual cost null). */
export function refundOf(reserved: number, reported: QueryCost): number {
  return reserved - (reported.actualQueryCost ?? 0);
}

/** The bucket refilled from `observed_at` to `at` (never back in time, never over the top). */
function refilled(at: RawBuilder<Date>) {
  return sql<number>`least(
    coalesce(b.maximum_available, 0)::float8,
    b.available + greatest(0, extract(epoch from (${at} - b.observed_at)))::float8 * b.restore_rate)`;
}

interface ReserveRow {
  taken: boolean;
  maximum_available: number | null;
  restore_rate: number;
  available: number;
}

/**
 * One statement: takes the points if the refilled bucket holds them (the row lock orders
 * concurrent workers; each sees the other's reservation), else reads the bucket to say how long
 * to wait. A cost above the whole bucket waits for a full bucket only, as ThrottleGovernor does.
 */
function reserveStatement(shop: string, cost: number, now: RawBuilder<Date>) {
  const at = sql<Date>`excluded.observed_at`;
  const admits = sql<boolean>`case when b.maximum_available is null
    then ${refilled(at)} - ${cost}::float8 >= -greatest(${unknownBucketAllowance}::float8, ${cost}::float8)
    else ${refilled(at)} >= least(${cost}::float8, b.maximum_available) end`;
  return sql<ReserveRow>`
    with attempt as (
      insert into shopify_budgets as b (shop_domain, available, observed_at, in_flight, in_flight_at)
      values (${shop}, ${-cost}::float8, ${now}, 1, ${now})
      on conflict (shop_domain) do update set
        available = ${refilled(at)} - ${cost}::float8,
        observed_at = greatest(b.observed_at, excluded.observed_at),
        in_flight = ${inFlight(at)} + 1,
        in_flight_at = excluded.observed_at,
        overlapped = ${inFlight(at)} > 0
      where ${admits}
      returning true as taken, b.maximum_available, b.restore_rate, b.available
    )
    select taken, maximum_available, restore_rate, available from attempt
    union all
    select false, b.maximum_available, b.restore_rate, ${refilled(now)}
    from shopify_budgets b
    where b.shop_domain = ${shop} and not exists (select 1 from attempt)`;
}

/**
 * Reservations still waiting for an answer; a count whose last reservation is a minute old was
 * left by a worker that died before its answer, and is forgotten.
 */
function inFlight(at: RawBuilder<Date>) {
  return sql<number>`case when b.in_flight_at < ${at} - interval '60 seconds' then 0 else b.in_flight end`;
}

/**
 * Gives back the unused part of the reservation. When other requests overlapped this one, takes
 * the lower of our figure and Shopify's: a report can be older than reservations made since
 * (answers arrive out of order), so it may only lower the bucket. When the request had the bucket
 * to itself, Shopify's report is the whole truth and is taken as it is, up too: otherwise a figure
 * that drifted low (Shopify gave back more than we counted) would pace every later request below
 * what the shop allows. The first report replaces the unknown bucket, less what other requests
 * reserved meanwhile.
 */
function settleStatement(shop: string, reserved: number, reported: QueryCost, now: RawBuilder<Date>) {
  const { maximumAvailable, currentlyAvailable, restoreRate } = reported.throttleStatus;
  const at = sql<Date>`n.t`;
  const refund = refundOf(reserved, reported);
  return sql`
    update shopify_budgets as b set
      maximum_available = ${maximumAvailable}::int,
      restore_rate = ${restoreRate}::float8,
      available = case
        when b.maximum_available is null then least(
          ${maximumAvailable}::float8,
          ${currentlyAvailable}::float8 + least(0, ${refilled(at)} + ${reserved}::float8))
        when ${inFlight(at)} <= 1 and not b.overlapped
          then least(${maximumAvailable}::float8, ${currentlyAvailable}::float8)
        else least(
          ${maximumAvailable}::float8, ${refilled(at)} + ${refund}::float8, ${currentlyAvailable}::float8)
      end,
      in_flight = greatest(0, ${inFlight(at)} - 1),
      overlapped = b.overlapped and ${inFlight(at)} > 1,
      observed_at = greatest(b.observed_at, n.t),
      reported_available = ${currentlyAvailable}::float8,
      reported_at = n.t
    from (select ${now} as t) as n
    where b.shop_domain = ${shop}`;
}
