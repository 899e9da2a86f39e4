import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { StockMovement } from './write-stock-movements.ts';

/**
 * The stock movements these vouchers (document nos.) caused, in the order they were written: what
 * reconciliation compares with Shopify's restocks (issue 6 item 6). Voucher nos. come from the
 * store's number series, so they name one document whatever the shop.
 */
export async function listStockMovements(
  db: Kysely<Database>,
  filter: { voucherNos: readonly string[] },
): Promise<StockMovement[]> {
  if (filter.voucherNos.length === 0) return [];
  const rows = await db
    .selectFrom('stock_movements')
    .select(['item_no', 'location_code', 'quantity', 'kind', 'voucher_type', 'voucher_no', 'voucher_line_no'])
    .where('voucher_no', 'in', [...new Set(filter.voucherNos)])
    .orderBy('id')
    .execute();
  return rows.map(stockMovementOf);
}

type StockMovementRow = Pick<
  Selectable<Database['stock_movements']>,
  'item_no' | 'location_code' | 'quantity' | 'kind' | 'voucher_type' | 'voucher_no' | 'voucher_line_no'
>;

/** A stock_movements row as the books speak of it. */
export function stockMovementOf(row: StockMovementRow): StockMovement {
  return {
    itemNo: row.item_no,
    locationCode: row.location_code,
    quantity: row.quantity,
    kind: row.kind,
    voucherType: row.voucher_type,
    voucherNo: row.voucher_no,
    voucherLineNo: row.voucher_line_no,
  };
}
