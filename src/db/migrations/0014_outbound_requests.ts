import { sql, type Kysely } from 'kysely';

/**
 * Outbound requests (issue 8 items 2-4): every refund, cancel and mark-as-paid an agent sends to
 * Shopify, keyed per shop by its idempotency key and recorded as `pending` BEFORE Shopify is
 * called, so a retry after a lost answer or a crash finds it and never refunds twice. The
 * request hash tells a retry (same key, same request) from a mistake (same key, other request).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outbound_requests (
      id bigint generated always as identity primary key,
      shop_code text not null references shops (code) on delete cascade,
      idempotency_key text not null,
      kind text not null check (kind in ('refund', 'cancel', 'mark_as_paid')),
      shopify_order_id text not null,
      request_hash text not null,
      request jsonb not null,
      state text not null check (state in ('pending', 'succeeded', 'refused')),
      shopify_id text,
      shopify_answer jsonb,
      user_id bigint references users (id) on delete set null,
      user_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (shop_code, idempotency_key)
    )`.execute(db);
  await sql`create index outbound_requests_order_idx on outbound_requests (shop_code, shopify_order_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists outbound_requests`.execute(db);
}
