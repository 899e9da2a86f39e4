import { sql, type Kysely } from 'kysely';

/**
 * How many reservations of a shop's bucket are waiting for Shopify's answer, when the last was
 * made, and whether they overlapped. The answer to a request that had the bucket to itself is the
 * whole truth of the bucket and the shared budget takes it, up as well as down
 * (src/shopify/shared-budget.ts); answers of overlapping requests may arrive out of order and only
 * lower the figure. A count left by a crashed worker is forgotten after a minute without
 * reservations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table shopify_budgets
      add column in_flight integer not null default 0 check (in_flight >= 0),
      add column in_flight_at timestamptz,
      add column overlapped boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table shopify_budgets drop column in_flight, drop column in_flight_at, drop column overlapped`.execute(
    db,
  );
}
