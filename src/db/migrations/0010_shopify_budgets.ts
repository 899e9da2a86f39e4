import { sql, type Kysely } from 'kysely';

/**
 * One Shopify throttle bucket per shop shared by every worker (issue 7 item 4; shopify.dev "API
 * rate limits": a cost-based leaky bucket per app and store). The row holds the bucket as
 * Shopify last reported it, less the points our requests have reserved since, at `observed_at`;
 * readers refill it at `restore_rate` from there. Times come from the database clock
 * (`clock_timestamp()`) so that workers with skewed clocks agree. A crashed worker's
 * reservation is never given back, so it counts as spent: the refill returns it within
 * cost / restore rate seconds, as Shopify's own bucket does, and nothing leaks for good.
 * Until Shopify has reported a bucket (`maximum_available` null) `available` counts down from 0
 * the points reserved so far.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table shopify_budgets (
      shop_domain text primary key,
      maximum_available integer check (maximum_available > 0),
      restore_rate double precision not null default 50 check (restore_rate > 0),
      available double precision not null default 0,
      observed_at timestamptz not null default clock_timestamp(),
      reported_available double precision,
      reported_at timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists shopify_budgets`.execute(db);
}
