import { sql, type Kysely } from 'kysely';

/**
 * The back office's documents (sales order, sales invoice, cash sale), their number series, the
 * exchange rates documents in a foreign shop currency need, the Shopify customer/company links
 * the customer choice keeps (seed 002 "by ID first"), and the append-only stock ledger.
 * PostgreSQL 15 subset, like 0001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table number_series (
      code text primary key,
      prefix text not null,
      width integer not null check (width between 1 and 12),
      last_no bigint not null default 0 check (last_no >= 0)
    )`.execute(db);
  await sql`
    insert into number_series (code, prefix, width) values
      ('sales_order', 'SO-', 6), ('sales_invoice', 'SI-', 6), ('cash_sale', 'CS-', 6),
      ('inventory_adjustment', 'IA-', 6), ('customer', 'WEB', 6)`.execute(db);

  await sql`
    create table documents (
      id bigint generated always as identity primary key,
      shop_code text not null references shops (code),
      type text not null check (type in ('sales_order', 'sales_invoice', 'cash_sale')),
      number text not null unique,
      status text not null,
      shopify_order_id text not null,
      shopify_order_name text not null,
      shopify_refund_id text,
      customer_no text not null,
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      exchange_rate text check (exchange_rate ~ '^[0-9]+(\\.[0-9]+)?$'),
      document_date text not null check (document_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      shipment_method_code text,
      shipping_agent_code text,
      shipping_agent_service_code text,
      tax_area_code text,
      amount_minor bigint not null,
      tax_amount_minor bigint not null,
      amount_including_tax_minor bigint not null,
      unlinked_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // DESIGN.md: unique (shop, Shopify id, document kind). An unlinked document (seed 002 "Unlink
  // Processed Documents") stays for a person to process but no longer blocks a new one.
  await sql`
    create unique index documents_order_type_idx on documents (shop_code, shopify_order_id, type)
      where unlinked_at is null and shopify_refund_id is null`.execute(db);
  await sql`create index documents_shop_order_idx on documents (shop_code, shopify_order_id)`.execute(db);

  await sql`
    create table document_lines (
      document_id bigint not null references documents (id) on delete cascade,
      line_no integer not null check (line_no > 0),
      type text not null check (type in ('item', 'gl_account', 'item_charge', 'comment')),
      no text,
      description text not null,
      quantity integer not null check (quantity >= 0),
      unit_price_minor bigint not null,
      line_discount_minor bigint not null,
      amount_minor bigint not null,
      tax_amount_minor bigint not null,
      location_code text,
      released_quantity integer not null default 0 check (released_quantity >= 0),
      shopify_line_id text,
      primary key (document_id, line_no)
    )`.execute(db);

  await sql`
    create table exchange_rates (
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      starting_date text not null check (starting_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      rate text not null check (rate ~ '^[0-9]+(\\.[0-9]+)?$'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (currency, starting_date)
    )`.execute(db);

  await sql`
    create table customer_links (
      shop_code text not null references shops (code),
      kind text not null check (kind in ('customer', 'company')),
      shopify_id text not null,
      customer_no text not null,
      created_at timestamptz not null default now(),
      primary key (shop_code, kind, shopify_id)
    )`.execute(db);

  await sql`
    create table stock_movements (
      id bigint generated always as identity primary key,
      item_no text not null,
      location_code text not null,
      quantity integer not null check (quantity <> 0),
      voucher_type text not null check (voucher_type in ('inventory_adjustment')),
      voucher_no text not null,
      voucher_line_no integer not null check (voucher_line_no > 0),
      created_at timestamptz not null default now(),
      unique (voucher_type, voucher_no, voucher_line_no)
    )`.execute(db);
  await sql`create index stock_movements_item_idx on stock_movements (item_no, location_code)`.execute(db);
  // Style guide (Odoo/ERPNext): stock ledger rows are append-only; corrections are new rows.
  await sql`
    create function stock_movements_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'stock_movements is append-only: % is not allowed', tg_op;
    end $$`.execute(db);
  await sql`
    create trigger stock_movements_append_only before update or delete on stock_movements
      for each row execute function stock_movements_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stock_movements',
    'customer_links',
    'exchange_rates',
    'document_lines',
    'documents',
    'number_series',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists stock_movements_append_only()`.execute(db);
}
