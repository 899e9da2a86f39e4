import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The order payloads and mapped orders as `json` (text checked to be JSON), not `jsonb`. They are
 * only ever written and read whole; no query looks inside them. jsonb builds a binary tree on
 * every insert and prints it back to text on every read: for the ~11 KB an order keeps here
 * (payload ~6 KB, mapped order ~5 KB) that was most of the import's database time (2,000 orders:
 * 0.8 s of inserts as jsonb, 0.37 s as json; reads about twice as fast). json also keeps
 * Shopify's own key order in the payload, which is what an operator reading it expects.
 * Where the server has lz4 (PostgreSQL 14+ built with it; PGlite has not) the columns compress
 * with lz4 instead of pglz: 0.18 s for the same inserts, for ~10% more space.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table order_versions
      alter column payload type json using payload::json,
      alter column order_data type json using order_data::json`.execute(db);
  await sql`alter table shopify_orders alter column order_data type json using order_data::json`.execute(db);
  if (await hasLz4(db)) await setCompression(db, sql`lz4`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table order_versions
      alter column payload type jsonb using payload::jsonb,
      alter column order_data type jsonb using order_data::jsonb`.execute(db);
  await sql`alter table shopify_orders alter column order_data type jsonb using order_data::jsonb`.execute(
    db,
  );
  if (await hasLz4(db)) await setCompression(db, sql`default`);
}

async function setCompression(db: Kysely<unknown>, method: RawBuilder<unknown>): Promise<void> {
  await sql`
    alter table order_versions
      alter column payload set compression ${method},
      alter column order_data set compression ${method}`.execute(db);
  await sql`alter table shopify_orders alter column order_data set compression ${method}`.execute(db);
}

async function hasLz4(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ lz4: boolean }>`
    select coalesce('lz4' = any(enumvals), false) as lz4
    from pg_settings where name = 'default_toast_compression'`.execute(db);
  return rows[0]?.lz4 ?? false;
}
