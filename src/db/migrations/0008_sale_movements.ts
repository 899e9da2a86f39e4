import { sql, type Kysely } from 'kysely';

/**
 * Goods leave stock when a sales invoice or cash sale documents them as shipped (issue 6 item 4:
 * stock movements per item x location for sales, returns, adjustments): a `sale` movement per
 * item line with the document as voucher. Reconciliation reads movements by voucher no., hence
 * the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table stock_movements
      drop constraint stock_movements_voucher_type_check,
      drop constraint stock_movements_kind_check`.execute(db);
  await sql`
    alter table stock_movements
      add constraint stock_movements_voucher_type_check check (voucher_type in (
        'inventory_adjustment', 'credit_memo', 'inventory_credit_memo', 'sales_invoice', 'cash_sale')),
      add constraint stock_movements_kind_check
        check (kind in ('adjustment', 'sale', 'return', 'exchange_out', 'adjustment_out'))`.execute(db);
  await sql`create index stock_movements_voucher_no_idx on stock_movements (voucher_no)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists stock_movements_voucher_no_idx`.execute(db);
  await sql`
    alter table stock_movements
      drop constraint stock_movements_voucher_type_check,
      drop constraint stock_movements_kind_check`.execute(db);
  await sql`
    alter table stock_movements
      add constraint stock_movements_voucher_type_check check (voucher_type in (
        'inventory_adjustment', 'credit_memo', 'inventory_credit_memo', 'sales_invoice')),
      add constraint stock_movements_kind_check
        check (kind in ('adjustment', 'return', 'exchange_out', 'adjustment_out'))`.execute(db);
}
