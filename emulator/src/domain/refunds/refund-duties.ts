import { fail } from '../errors.ts';
import { subtractBags, sumBags, type Bag } from '../money/bag.ts';
import type { Duty, LineItem, Order } from '../model/order.ts';
import { unitsSlice } from '../orders/line-amounts.ts';
import type { CalculatedRefundLine, RefundInput } from './refund-input.ts';

/**
 * seed 003 refund_duties: FULL refunds everything left of the duty (no line items needed);
 * PROPORTIONAL refunds the duty in proportion to the units of its line in this refund.
 */
export function refundDuties(
  order: Order,
  input: RefundInput,
  rows: readonly CalculatedRefundLine[],
): { dutyId: number; amount: Bag }[] {
  return (input.refundDuties ?? []).map((request, index) => {
    const found = findDuty(order, request.dutyId);
    if (!found) fail('Duty does not exist', ['refund_duties', String(index), 'duty_id']);
    const left = dutyRemaining(order, found.duty);
    if ((request.refundType ?? 'FULL') === 'FULL') return { dutyId: found.duty.id, amount: left };
    const units = rows
      .filter((row) => row.lineItemId === found.line.id)
      .reduce((sum, row) => sum + row.quantity, 0);
    const refundedBefore = found.line.quantity - remainingUnits(order, found.line);
    const amount = unitsSlice(found.duty.price, found.line.quantity, refundedBefore, units);
    return { dutyId: found.duty.id, amount: amount.presentment > left.presentment ? left : amount };
  });
}

function findDuty(order: Order, dutyId: number): { line: LineItem; duty: Duty } | undefined {
  for (const line of order.lineItems) {
    const duty = line.duties.find((candidate) => candidate.id === dutyId);
    if (duty) return { line, duty };
  }
  return undefined;
}

function dutyRemaining(order: Order, duty: Duty): Bag {
  const refunded = order.refunds.flatMap((refund) => refund.duties).filter((item) => item.dutyId === duty.id);
  return subtractBags(
    duty.price,
    sumBags(refunded, (item) => item.amount),
  );
}

function remainingUnits(order: Order, line: LineItem): number {
  const refunded = order.refunds
    .flatMap((refund) => refund.refundLineItems)
    .filter((item) => item.lineItemId === line.id)
    .reduce((sum, item) => sum + item.quantity, 0);
  return line.quantity - refunded;
}
