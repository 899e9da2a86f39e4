import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { findItemByNo, findLocationByCode } from '../../masterdata/index.ts';
import { ConflictError, ValidationError, type ValidationIssue } from '../../shared/errors.ts';
import { nextNumber } from '../numbering.ts';

export interface StockAdjustmentLine {
  itemNo: string;
  locationCode: string;
  /** Signed whole units: + into stock, - out of it. */
  quantity: number;
}

export interface StockAdjustment {
  /** The voucher no.; a replay with the same no. and lines is a no-op. Default: the next "IA-" number. */
  voucherNo?: string | undefined;
  lines: StockAdjustmentLine[];
}

/**
 * An inventory adjustment voucher: one append-only stock movement per line (style guide: signed
 * rows carrying the voucher type/number/line that caused them). In this issue only opening
 * balances move stock (the demo loads Shopify's inventory levels through it); posting sales,
 * shipments and returns to stock comes with the next issue (refunds & books).
 * Runs in the caller's transaction; bad lines are refused together, naming each.
 */
export async function adjustStock(
  trx: Kysely<Database>,
  adjustment: StockAdjustment,
): Promise<{ voucherNo: string; created: boolean }> {
  await checkLines(trx, adjustment.lines);
  if (adjustment.voucherNo !== undefined) {
    const replay = await sameVoucher(trx, adjustment.voucherNo, adjustment.lines);
    if (replay) return { voucherNo: adjustment.voucherNo, created: false };
  }
  const voucherNo = adjustment.voucherNo ?? (await nextNumber(trx, 'inventory_adjustment'));
  await trx
    .insertInto('stock_movements')
    .values(
      adjustment.lines.map((line, index) => ({
        item_no: line.itemNo,
        location_code: line.locationCode,
        quantity: line.quantity,
        voucher_type: 'inventory_adjustment' as const,
        voucher_no: voucherNo,
        voucher_line_no: index + 1,
      })),
    )
    .execute();
  return { voucherNo, created: true };
}

async function checkLines(trx: Kysely<Database>, lines: readonly StockAdjustmentLine[]): Promise<void> {
  if (lines.length === 0) throw new ValidationError('lines: an adjustment needs at least one line');
  const issues: ValidationIssue[] = [];
  for (const [index, line] of lines.entries()) {
    const path = `lines.${index}`;
    if (!Number.isSafeInteger(line.quantity) || line.quantity === 0)
      issues.push({
        path: `${path}.quantity`,
        message: `must be a whole number other than 0, got ${line.quantity}`,
      });
    const item = await findItemByNo(trx, line.itemNo);
    if (!item) issues.push({ path: `${path}.itemNo`, message: `item ${line.itemNo} does not exist` });
    else if (item.type !== 'inventory')
      issues.push({ path: `${path}.itemNo`, message: `item ${line.itemNo} is a service and holds no stock` });
    if (!(await findLocationByCode(trx, line.locationCode)))
      issues.push({ path: `${path}.locationCode`, message: `location ${line.locationCode} does not exist` });
  }
  if (issues.length > 0)
    throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/** true when the voucher exists with exactly these lines; a different one under the same no. is refused. */
async function sameVoucher(
  trx: Kysely<Database>,
  voucherNo: string,
  lines: readonly StockAdjustmentLine[],
): Promise<boolean> {
  const rows = await trx
    .selectFrom('stock_movements')
    .select(['item_no', 'location_code', 'quantity'])
    .where('voucher_type', '=', 'inventory_adjustment')
    .where('voucher_no', '=', voucherNo)
    .orderBy('voucher_line_no')
    .execute();
  if (rows.length === 0) return false;
  const same =
    rows.length === lines.length &&
    rows.every(
      (row, i) =>
        row.item_no === lines[i]?.itemNo &&
        row.location_code === lines[i]?.locationCode &&
        row.quantity === lines[i]?.quantity,
    );
  if (!same) throw new ConflictError(`Inventory adjustment ${voucherNo} was already posted with other lines`);
  return true;
}

/** Whether an inventory adjustment voucher with this no. was posted (e.g. a shop's opening stock). */
export async function hasStockAdjustment(db: Kysely<Database>, voucherNo: string): Promise<boolean> {
  const row = await db
    .selectFrom('stock_movements')
    .select('voucher_no')
    .where('voucher_type', '=', 'inventory_adjustment')
    .where('voucher_no', '=', voucherNo)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
