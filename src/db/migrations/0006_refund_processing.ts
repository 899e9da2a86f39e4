import { sql, type Kysely } from 'kysely';

/**
 * Where each imported refund stands on its way to the books (issue 6; seed 000: "a refund that
 * cannot be processed stays imported with its error and is retried"; seed 002 returns and refunds
 * mode). `pending`: imported, not decided yet; `waiting`: decided to wait (a pending transaction
 * or no sales document yet), decided again on the next sync; `processed`: its documents exist
 * (numbers kept); `not_convertible`: never becomes a document (zero-amount edit, unpaid
 * cancellation); `error`: refused (missing account, unknown item), with the error, retried.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table order_refunds
      add column status text not null default 'pending'
        check (status in ('pending', 'waiting', 'processed', 'not_convertible', 'error')),
      add column status_reason text,
      add column error_code text,
      add column error_message text,
      add column attempts integer not null default 0 check (attempts >= 0),
      add column document_nos jsonb not null default '[]',
      add column processed_at timestamptz`.execute(db);
  await sql`update order_refunds set status = 'not_convertible' where not convertible_to_credit_memo`.execute(
    db,
  );
  await sql`create index order_refunds_open_idx on order_refunds (shop_code, status, created_at_shopify)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists order_refunds_open_idx`.execute(db);
  await sql`
    alter table order_refunds
      drop column status, drop column status_reason, drop column error_code, drop column error_message,
      drop column attempts, drop column document_nos, drop column processed_at`.execute(db);
}
