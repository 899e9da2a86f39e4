import { sql, type Kysely } from 'kysely';

/**
 * The ledger (issue 6, DESIGN.md "books/"): refund documents beside the sales documents, posting,
 * append-only G/L entries that balance per posting, and stock movements caused by documents.
 * - documents: the refund kinds (credit memo, inventory credit memo, customer refund, the sales
 *   order change that reduces an unshipped order, the inventory adjustment of units not restocked),
 *   what a refund document applies to and how a customer refund was paid (seed 000), when it was
 *   posted, and the refunds a sales document already reflects (it took the lines' current
 *   quantities, so those refunds are not credited again: docs/refunds.md);
 * - idempotency (DESIGN.md): one credit-bearing document per (shop, refund, kind) and one customer
 *   refund per (shop, refund transaction) among documents still linked to their order;
 * - stock movements name the document that caused them and their kind; a return to a blank
 *   location is kept blank (seed 002 "blank locations ... are used").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table documents drop constraint documents_type_check`.execute(db);
  await sql`
    alter table documents
      add constraint documents_type_check check (type in (
        'sales_order', 'sales_invoice', 'cash_sale', 'credit_memo', 'inventory_credit_memo',
        'customer_refund', 'sales_order_change', 'inventory_adjustment')),
      add column applies_to text,
      add column payment_method text,
      add column paid_from_account text,
      add column payment_reference text,
      add column shopify_transaction_id text,
      add column posted_at timestamptz,
      add column reflected_refund_ids jsonb not null default '[]'`.execute(db);
  await sql`
    create unique index documents_refund_kind_idx on documents (shop_code, shopify_refund_id, type)
      where shopify_refund_id is not null and type <> 'customer_refund' and unlinked_at is null`.execute(db);
  await sql`
    create unique index documents_refund_transaction_idx on documents (shop_code, shopify_transaction_id)
      where shopify_transaction_id is not null and unlinked_at is null`.execute(db);
  await sql`create index documents_applies_to_idx on documents (applies_to)`.execute(db);

  // A refund document's lines carry their reason (seed 002's credit memo table); a sales invoice
  // made from a pricier exchange takes the returned goods back with a negative quantity.
  await sql`alter table document_lines drop constraint document_lines_quantity_check`.execute(db);
  await sql`
    alter table document_lines
      add column reason text check (reason in ('restocked', 'not_restocked', 'gift_card', 'shipping',
        'duties', 'refund_discrepancy', 'other_amount', 'exchange_item')),
      add column sales_order_line_no integer,
      add column released_quantity_change integer`.execute(db);

  await sql`
    insert into number_series (code, prefix, width) values
      ('credit_memo', 'CM-', 6), ('inventory_credit_memo', 'ICM-', 6), ('customer_refund', 'CR-', 6),
      ('sales_order_change', 'SOC-', 6)`.execute(db);

  await sql`alter table stock_movements drop constraint stock_movements_voucher_type_check`.execute(db);
  await sql`
    alter table stock_movements
      alter column location_code drop not null,
      add constraint stock_movements_voucher_type_check check (voucher_type in (
        'inventory_adjustment', 'credit_memo', 'inventory_credit_memo', 'sales_invoice')),
      add column kind text not null default 'adjustment'
        check (kind in ('adjustment', 'return', 'exchange_out', 'adjustment_out'))`.execute(db);

  await createGlEntries(db);
}

/**
 * G/L entries in the local currency, one row per side of a posting line; the shop-currency
 * amount they come from is kept beside them. Append-only (style guide: ledgers are never edited,
 * corrections are new documents), and every statement that writes entries leaves each document
 * it touched balanced: books writes a posting's entries in one statement.
 */
async function createGlEntries(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table gl_entries (
      id bigint generated always as identity primary key,
      shop_code text not null references shops (code),
      posting_date text not null check (posting_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      document_type text not null,
      document_no text not null,
      line_no integer not null check (line_no > 0),
      account_no text not null,
      description text not null,
      debit_minor bigint not null check (debit_minor >= 0),
      credit_minor bigint not null check (credit_minor >= 0),
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      source_currency text not null check (source_currency ~ '^[A-Z]{3}$'),
      source_amount_minor bigint not null,
      created_at timestamptz not null default now(),
      check ((debit_minor = 0) <> (credit_minor = 0)),
      unique (document_no, line_no)
    )`.execute(db);
  await sql`create index gl_entries_shop_idx on gl_entries (shop_code, id)`.execute(db);
  await sql`create index gl_entries_account_idx on gl_entries (account_no)`.execute(db);
  await sql`
    create function gl_entries_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'gl_entries is append-only: % is not allowed', tg_op;
    end $$`.execute(db);
  await sql`
    create trigger gl_entries_append_only before update or delete on gl_entries
      for each row execute function gl_entries_append_only()`.execute(db);
  await sql`
    create function gl_entries_balanced() returns trigger language plpgsql as $$
    declare
      unbalanced text;
    begin
      select e.document_no into unbalanced
        from gl_entries as e
        where e.document_no in (select distinct document_no from inserted)
        group by e.document_no
        having sum(e.debit_minor) <> sum(e.credit_minor)
        limit 1;
      if unbalanced is not null then
        raise exception 'gl_entries of document % do not balance', unbalanced;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger gl_entries_balanced after insert on gl_entries
      referencing new table as inserted
      for each statement execute function gl_entries_balanced()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists gl_entries`.execute(db);
  await sql`drop function if exists gl_entries_append_only()`.execute(db);
  await sql`drop function if exists gl_entries_balanced()`.execute(db);
  await sql`
    alter table stock_movements drop column kind, drop constraint stock_movements_voucher_type_check`.execute(
    db,
  );
  await sql`
    alter table stock_movements
      add constraint stock_movements_voucher_type_check check (voucher_type in ('inventory_adjustment'))`.execute(
    db,
  );
  await sql`
    delete from number_series
      where code in ('credit_memo', 'inventory_credit_memo', 'customer_refund', 'sales_order_change')`.execute(
    db,
  );
  await sql`
    alter table document_lines
      drop column reason, drop column sales_order_line_no, drop column released_quantity_change,
      add constraint document_lines_quantity_check check (quantity >= 0)`.execute(db);
  await sql`drop index if exists documents_refund_kind_idx`.execute(db);
  await sql`drop index if exists documents_refund_transaction_idx`.execute(db);
  await sql`drop index if exists documents_applies_to_idx`.execute(db);
  await sql`
    alter table documents
      drop constraint documents_type_check,
      add constraint documents_type_check check (type in ('sales_order', 'sales_invoice', 'cash_sale')),
      drop column applies_to, drop column payment_method, drop column paid_from_account,
      drop column payment_reference, drop column shopify_transaction_id, drop column posted_at,
      drop column reflected_refund_ids`.execute(db);
}
