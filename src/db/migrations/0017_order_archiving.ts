import { sql, type Kysely } from 'kysely';

/**
 * Archived orders (seed 002: "archives completely paid and fulfilled orders in both Shopify and
 * <the ERP>", issue 8 item 7): `shopify_orders.archived_at` is when storebridge closed the order in
 * Shopify (orderClose) or found it closed there, so the archive run does not offer it again. The
 * mirror's upsert never writes the column, so a later version of the order keeps it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table shopify_orders add column archived_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table shopify_orders drop column archived_at`.execute(db);
}
