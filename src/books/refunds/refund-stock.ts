import type { SalesOrderChangeDraft, StockEffect } from '../../rules/refund-decision.ts';
import { AppError } from '../../shared/errors.ts';
import type { StockMovement } from '../stock/write-stock-movements.ts';

/** The rule's stock effects and the books disagree: a bug, nothing is written. */
export class RefundStockMismatchError extends AppError {
  readonly code = 'refund_stock_mismatch';
  readonly retryable = false;
}

type Voucher = { type: StockMovement['voucherType']; number: string };

/**
 * A decision's stock effects as the books keep them (seed 004 4.6: ATS = on hand - released).
 * On hand lives in stock movements: goods back (`return`) and exchange items out on the credit
 * document, units not restocked out (`adjustment_out`) on the inventory adjustment. Released
 * quantities live on the sales order lines, which the sales order change moves: its allocation
 * effects are checked against the change, not written twice.
 */
export function refundMovements(
  effects: readonly StockEffect[],
  vouchers: { credit: Voucher | null; adjustment: Voucher | null },
  change: SalesOrderChangeDraft | null,
): StockMovement[] {
  checkAllocations(effects, change);
  const lineNos = new Map<string, number>();
  const movements: StockMovement[] = [];
  for (const effect of effects) {
    if (effect.kind === 'allocation_released' || effect.kind === 'allocation_reserved') continue;
    if (effect.onHand === 0) continue;
    const voucher = effect.kind === 'adjustment_out' ? vouchers.adjustment : vouchers.credit;
    if (!voucher)
      throw new RefundStockMismatchError(
        `A ${effect.kind} of item ${effect.itemNo} has no document to carry it`,
      );
    const lineNo = (lineNos.get(voucher.number) ?? 0) + 1;
    lineNos.set(voucher.number, lineNo);
    movements.push({
      itemNo: effect.itemNo,
      locationCode: effect.locationCode,
      quantity: effect.onHand,
      kind: effect.kind,
      voucherType: voucher.type,
      voucherNo: voucher.number,
      voucherLineNo: lineNo,
    });
  }
  return movements;
}

/** The released units the effects move, per item and location, are the ones the change moves. */
function checkAllocations(effects: readonly StockEffect[], change: SalesOrderChangeDraft | null): void {
  const byEffects = new Map<string, number>();
  const add = (map: Map<string, number>, no: string, location: string | null, n: number) => {
    if (n === 0) return;
    const key = JSON.stringify([no, location]);
    map.set(key, (map.get(key) ?? 0) + n);
  };
  for (const e of effects) add(byEffects, e.itemNo, e.locationCode, e.released);
  const byChange = new Map<string, number>();
  for (const line of change?.lines ?? [])
    if (line.type === 'item') add(byChange, line.no, line.locationCode, line.releasedQuantityChange);
  const same =
    byEffects.size === byChange.size && [...byEffects].every(([key, n]) => byChange.get(key) === n);
  if (!same)
    throw new RefundStockMismatchError(
      `Released quantities of the stock effects ${JSON.stringify([...byEffects])} differ from the sales order change ${JSON.stringify([...byChange])}`,
    );
}
