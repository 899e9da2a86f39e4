import type { Insertable, Kysely } from 'kysely';
import type { Database, StockMovementsTable } from '../../db/index.ts';

/** A signed stock movement and the document line that caused it (style guide: Odoo/ERPNext stock ledger). */
export interface StockMovement {
  itemNo: string;
  /** null: the blank return location (seed 002). */
  locationCode: string | null;
  /** Signed whole units: + into stock, - out of it; never 0. */
  quantity: number;
  kind: 'adjustment' | 'sale' | 'return' | 'exchange_out' | 'adjustment_out';
  voucherType: StockMovementsTable['voucher_type'];
  voucherNo: string;
  voucherLineNo: number;
}

/** Appends movements in one statement (the ledger is append-only; 0003's trigger refuses the rest). */
export async function writeStockMovements(
  trx: Kysely<Database>,
  movements: readonly StockMovement[],
): Promise<void> {
  if (movements.length === 0) return;
  const rows: Insertable<StockMovementsTable>[] = movements.map((m) => ({
    item_no: m.itemNo,
    location_code: m.locationCode,
    quantity: m.quantity,
    kind: m.kind,
    voucher_type: m.voucherType,
    voucher_no: m.voucherNo,
    voucher_line_no: m.voucherLineNo,
  }));
  await trx.insertInto('stock_movements').values(rows).execute();
}
