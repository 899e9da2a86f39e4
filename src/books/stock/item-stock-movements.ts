import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { findItemByNo } from '../../masterdata/index.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { stockMovementOf } from './list-stock-movements.ts';

/** A row of the stock ledger with the running on-hand at its location after it. */
export interface ItemStockMovement {
  id: number;
  itemNo: string;
  /** null: the blank return location (seed 002). */
  locationCode: string | null;
  /** Signed: + in, - out. */
  quantity: number;
  kind: string;
  voucherType: string;
  voucherNo: string;
  voucherLineNo: number;
  createdAt: string;
  /** On hand at the location once this movement is counted. */
  onHandAfter: number;
}

/**
 * One item's stock ledger, oldest first, optionally at one location (issue 9 item 5): the
 * append-only movements with the document (voucher) that caused each (ERPNext's stock ledger).
 */
export async function listItemStockMovements(
  db: Kysely<Database>,
  filter: { itemNo: string; locationCode?: string | undefined },
): Promise<ItemStockMovement[]> {
  if (!(await findItemByNo(db, filter.itemNo)))
    throw new NotFoundError(`Item "${filter.itemNo}" does not exist`);
  let query = db.selectFrom('stock_movements').selectAll().where('item_no', '=', filter.itemNo);
  if (filter.locationCode !== undefined) query = query.where('location_code', '=', filter.locationCode);
  const rows = await query.orderBy('id').execute();
  const onHand = new Map<string | null, number>();
  return rows.map((row) => {
    const after = (onHand.get(row.location_code) ?? 0) + row.quantity;
    onHand.set(row.location_code, after);
    return {
      id: row.id,
      ...stockMovementOf(row),
      createdAt: new Date(row.created_at).toISOString(),
      onHandAfter: after,
    };
  });
}
