import { sql, type Kysely } from 'kysely';

/**
 * Orders an operator excluded by deleting their staging row (seed 002 "Delete orders from the
 * Shopify Order to Import page to exclude them from the sync"), with the Shopify version that was
 * excluded. Step 1 re-reads versions it has already seen (the inclusive `updated_at:>=` search, a
 * bulk backfill run again, a page resumed from before its last instant), so the deleted row alone
 * cannot say "leave this order alone": this row does, until Shopify sends a newer version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table excluded_orders (
      shop_code text not null references shops (code) on delete cascade,
      shopify_order_id text not null check (shopify_order_id ~ '^[0-9]+$'),
      updated_at_shopify timestamptz not null,
      excluded_at timestamptz not null default now(),
      primary key (shop_code, shopify_order_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists excluded_orders`.execute(db);
}
