import { sql, type Kysely } from 'kysely';

/**
 * Shipments of sales orders and their way to Shopify as fulfillments (issue 8 item 5, seed 002
 * "Synchronize shipments to Shopify"):
 * - `shipping_agents`: master data the shipment method mapping already names by code (seed 002
 *   "Shipping Agent Code"), with the optional "Shopify Tracking Company" and a package tracking URL.
 * - `sales_shipments` and their lines: a posted document with its own number series ("SHIP-"),
 *   never changed once posted (a trigger refuses it); only its send state to Shopify moves, kept
 *   on the row where operators look (failures keep Shopify's message, style guide).
 * - `document_lines.quantity_shipped`: what the shipments took off each sales order line.
 * - stock movements may have a shipment as voucher.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into number_series (code, prefix, width) values ('sales_shipment', 'SHIP-', 6)`.execute(
    db,
  );
  await sql`
    create table shipping_agents (
      code text primary key,
      name text not null,
      shopify_tracking_company text,
      tracking_url_template text,
      services jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table sales_shipments (
      id bigint generated always as identity primary key,
      shop_code text not null references shops (code),
      number text not null unique,
      status text not null check (status in ('posted')),
      sales_order_no text not null,
      shopify_order_id text not null,
      shopify_order_name text not null,
      posting_date text not null,
      shipping_agent_code text references shipping_agents (code),
      shipping_agent_service_code text,
      tracking_number text,
      tracking_url text,
      posted_by text not null,
      send_status text not null default 'pending'
        check (send_status in ('pending', 'sent', 'failed', 'not_sendable')),
      send_attempts integer not null default 0,
      last_error text,
      attempt_started_at timestamptz,
      sent_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sales_shipments_shop_send_idx on sales_shipments (shop_code, send_status)`.execute(
    db,
  );
  await sql`
    create index sales_shipments_order_idx on sales_shipments (shop_code, shopify_order_id)`.execute(db);
  await sql`
    create table sales_shipment_lines (
      shipment_id bigint not null references sales_shipments (id),
      line_no integer not null,
      sales_order_line_no integer not null,
      item_no text not null,
      description text not null,
      location_code text,
      quantity integer not null check (quantity > 0),
      shopify_line_id text,
      shopify_fulfillment_id text,
      primary key (shipment_id, line_no)
    )`.execute(db);
  // Posted means immutable (style guide: corrections are new documents): only the send state
  // (and, on a line, the fulfillment it went out in) may change after the insert.
  await sql`
    create function sales_shipments_posted() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then raise exception 'posted shipment % cannot be deleted', old.number; end if;
      if (new.shop_code, new.number, new.status, new.sales_order_no, new.shopify_order_id,
          new.posting_date, new.shipping_agent_code, new.shipping_agent_service_code,
          new.tracking_number, new.tracking_url)
         is distinct from
         (old.shop_code, old.number, old.status, old.sales_order_no, old.shopify_order_id,
          old.posting_date, old.shipping_agent_code, old.shipping_agent_service_code,
          old.tracking_number, old.tracking_url) then
        raise exception 'posted shipment % cannot be changed', old.number;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger sales_shipments_posted before update or delete on sales_shipments
      for each row execute function sales_shipments_posted()`.execute(db);
  await sql`
    create function sales_shipment_lines_posted() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then raise exception 'lines of a posted shipment cannot be deleted'; end if;
      if (new.sales_order_line_no, new.item_no, new.location_code, new.quantity, new.shopify_line_id)
         is distinct from
         (old.sales_order_line_no, old.item_no, old.location_code, old.quantity, old.shopify_line_id) then
        raise exception 'lines of a posted shipment cannot be changed';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger sales_shipment_lines_posted before update or delete on sales_shipment_lines
      for each row execute function sales_shipment_lines_posted()`.execute(db);
  await sql`
    alter table document_lines add column quantity_shipped integer not null default 0
      check (quantity_shipped >= 0)`.execute(db);
  await sql`
    alter table stock_movements drop constraint stock_movements_voucher_type_check`.execute(db);
  await sql`
    alter table stock_movements add constraint stock_movements_voucher_type_check check (voucher_type in (
      'inventory_adjustment', 'credit_memo', 'inventory_credit_memo', 'sales_invoice', 'cash_sale',
      'sales_shipment'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table stock_movements drop constraint stock_movements_voucher_type_check`.execute(db);
  await sql`
    alter table stock_movements add constraint stock_movements_voucher_type_check check (voucher_type in (
      'inventory_adjustment', 'credit_memo', 'inventory_credit_memo', 'sales_invoice', 'cash_sale'))`.execute(
    db,
  );
  await sql`alter table document_lines drop column if exists quantity_shipped`.execute(db);
  await sql`drop table if exists sales_shipment_lines`.execute(db);
  await sql`drop table if exists sales_shipments`.execute(db);
  await sql`drop function if exists sales_shipment_lines_posted()`.execute(db);
  await sql`drop function if exists sales_shipments_posted()`.execute(db);
  await sql`drop table if exists shipping_agents`.execute(db);
  await sql`delete from number_series where code = 'sales_shipment'`.execute(db);
}
