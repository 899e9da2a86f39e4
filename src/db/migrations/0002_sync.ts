import { sql, type Kysely } from 'kysely';

/**
 * Order import (issue 5, seed 002 "Under the hood"): the orders-to-import staging table, every
 * payload version Shopify sent, the order mirror, refunds seen on imported orders, and the sync
 * cursors. Orders are keyed by shop + Shopify id everywhere: order names are not unique across
 * shops (seed 004 3.3).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table orders_to_import (
      shop_code text not null references shops (code) on delete cascade,
      shopify_order_id text not null check (shopify_order_id ~ '^[0-9]+$'),
      name text not null,
      created_at_shopify timestamptz not null,
      updated_at_shopify timestamptz not null,
      financial_status text,
      fulfillment_status text not null,
      channel text,
      tags jsonb not null default '[]',
      risk_level text,
      has_error boolean not null default false,
      error_code text,
      error_message text,
      attempts integer not null default 0 check (attempts >= 0),
      staged_at timestamptz not null default now(),
      primary key (shop_code, shopify_order_id)
    )`.execute(db);
  await sql`create index orders_to_import_newest_idx on orders_to_import (shop_code, created_at_shopify desc)`.execute(
    db,
  );

  await sql`
    create table order_versions (
      shop_code text not null references shops (code) on delete cascade,
      shopify_order_id text not null,
      updated_at_shopify timestamptz not null,
      payload jsonb not null,
      order_data jsonb not null,
      received_at timestamptz not null default now(),
      primary key (shop_code, shopify_order_id, updated_at_shopify)
    )`.execute(db);

  await sql`
    create table shopify_orders (
      shop_code text not null references shops (code) on delete cascade,
      shopify_order_id text not null,
      name text not null,
      payment_reference text,
      order_data jsonb not null,
      updated_at_shopify timestamptz not null,
      processed boolean not null default false,
      document_nos jsonb not null default '[]',
      conflict boolean not null default false,
      conflict_message text,
      imported_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (shop_code, shopify_order_id)
    )`.execute(db);
  await sql`create index shopify_orders_name_idx on shopify_orders (shop_code, name)`.execute(db);
  await sql`create index shopify_orders_payment_reference_idx on shopify_orders (payment_reference)`.execute(
    db,
  );

  await sql`
    create table order_refunds (
      shop_code text not null references shops (code) on delete cascade,
      shopify_order_id text not null,
      shopify_refund_id text not null,
      created_at_shopify timestamptz not null,
      amount_minor bigint not null,
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      convertible_to_credit_memo boolean not null,
      reason text,
      primary key (shop_code, shopify_refund_id)
    )`.execute(db);

  await sql`
    create table sync_cursors (
      shop_code text not null references shops (code) on delete cascade,
      kind text not null check (kind in ('orders')),
      cursor_value text,
      first_sync_at timestamptz not null,
      updated_at timestamptz not null default now(),
      primary key (shop_code, kind)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sync_cursors',
    'order_refunds',
    'shopify_orders',
    'order_versions',
    'orders_to_import',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
