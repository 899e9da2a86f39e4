import { sql, type Kysely } from 'kysely';

/**
 * Posted sales invoices made in the back office and their export to Shopify (seed 002 "Export
 * posted sales invoices to Shopify", issue 8 item 6):
 * - a back-office invoice has no Shopify order: `shopify_order_id` and `shopify_order_name` are
 *   '' until it is exported, so the one-document-per-order index skips them; once exported they
 *   hold the order's id and name, and the order's import finds its document there (seed 002 "it
 *   adds a link to the posted sales invoice ... because the Shopify Order ID is already populated");
 * - a line's quantity is whole units for everything Shopify sends; a back-office line may be a
 *   fraction (hours of a service), kept exactly in `exact_quantity` (a decimal string) beside the
 *   whole-unit column rounded half up;
 * - `invoice_exports`: one row per back-office invoice, the seed's "Shopify Order ID" field as a
 *   closed state (not_exported = 0, exported = the order id, failed = -1, excluded = -2) with
 *   Shopify's message or the exclusion reason, the draft order made on the way (so a re-run after
 *   a crash completes that one instead of making another), and the receivable's remaining amount
 *   (seed 002 "Paid Status ... based on the customer ledger entry").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index documents_order_type_idx`.execute(db);
  await sql`
    create unique index documents_order_type_idx on documents (shop_code, shopify_order_id, type)
      where unlinked_at is null and shopify_refund_id is null and shopify_order_id <> ''`.execute(db);
  await sql`
    alter table document_lines
      add column exact_quantity text check (exact_quantity ~ '^-?[0-9]+(\\.[0-9]+)?$')`.execute(db);
  await sql`
    create table invoice_exports (
      document_id bigint primary key references documents (id),
      shop_code text not null references shops (code),
      document_no text not null unique,
      state text not null default 'not_exported'
        check (state in ('not_exported', 'exported', 'failed', 'excluded')),
      remaining_amount_minor bigint not null check (remaining_amount_minor >= 0),
      shopify_draft_order_id text,
      shopify_order_id text,
      reason_code text,
      message text,
      attempts integer not null default 0,
      updated_at timestamptz not null default now(),
      check ((state = 'exported') = (shopify_order_id is not null))
    )`.execute(db);
  await sql`create index invoice_exports_shop_state_idx on invoice_exports (shop_code, state)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists invoice_exports`.execute(db);
  await sql`alter table document_lines drop column if exists exact_quantity`.execute(db);
  await sql`drop index documents_order_type_idx`.execute(db);
  await sql`
    create unique index documents_order_type_idx on documents (shop_code, shopify_order_id, type)
      where unlinked_at is null and shopify_refund_id is null`.execute(db);
}
