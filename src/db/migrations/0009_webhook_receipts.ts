import { sql, type Kysely } from 'kysely';

/**
 * One row per webhook delivery taken (issue 7 item 1), written in the same transaction as the
 * job it caused. The unique keys drop repeats: a retry of a delivery repeats its webhook id, and
 * one event sent to two subscriptions repeats its event id (shopify.dev "Webhook headers",
 * "Ignore duplicate webhooks"). A repeat is never stored, so `duplicate` is not an outcome here.
 * The body is not kept (it holds customer data); only the order id and, for whole-order
 * payloads, the order's updated_at, which the stale check compares.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_receipts (
      id bigint generated always as identity primary key,
      shop_code text not null references shops (code) on delete cascade,
      topic text not null,
      webhook_id text not null,
      event_id text,
      shopify_order_id text check (shopify_order_id ~ '^[0-9]+$'),
      triggered_at timestamptz,
      order_updated_at timestamptz,
      api_version text,
      outcome text not null check (outcome in ('accepted', 'stale', 'ignored')),
      received_at timestamptz not null default now(),
      unique (shop_code, webhook_id),
      unique (shop_code, event_id, topic)
    )`.execute(db);
  // The stale check reads the newest accepted receipt of one order.
  await sql`
    create index webhook_receipts_order_idx on webhook_receipts (shop_code, shopify_order_id)
      where outcome = 'accepted'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists webhook_receipts`.execute(db);
}
