import type { RefundInput, RefundLineItemInput, RefundTransactionInput } from '../../domain/index.ts';
import { objectOf } from '../context.ts';

type Json = Record<string, unknown>;

const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(objectOf) : []);
const optionalNumber = (value: unknown): number | null =>
  typeof value === 'number' ? value : value ? Number(value) : null;

/** REST `refund` body (snake_case) -> domain RefundInput. */
export function refundInputFromRest(refund: Json): RefundInput {
  const input: RefundInput = {
    refundLineItems: list(refund.refund_line_items).map((item): RefundLineItemInput => ({
      lineItemId: Number(item.line_item_id),
      quantity: Number(item.quantity),
      ...(typeof item.restock_type === 'string'
        ? { restockType: item.restock_type as RefundLineItemInput['restockType'] }
        : {}),
      locationId: optionalNumber(item.location_id),
    })),
    transactions: list(refund.transactions).map((transaction): RefundTransactionInput => ({
      parentId: optionalNumber(transaction.parent_id),
      amount: transaction.amount as string | number,
      kind: typeof transaction.kind === 'string' ? transaction.kind : 'refund',
      ...(typeof transaction.gateway === 'string' ? { gateway: transaction.gateway } : {}),
    })),
  };
  if (typeof refund.currency === 'string') input.currency = refund.currency;
  if (typeof refund.note === 'string') input.note = refund.note;
  if (typeof refund.notify === 'boolean') input.notify = refund.notify;
  if (typeof refund.discrepancy_reason === 'string') input.discrepancyReason = refund.discrepancy_reason;
  if (typeof refund.restock === 'boolean') input.restock = refund.restock;
  if (typeof refund.processed_at === 'string') input.processedAt = refund.processed_at;
  if (refund.shipping) {
    const shipping = objectOf(refund.shipping);
    input.shipping = {
      fullRefund: shipping.full_refund === true,
      ...(shipping.amount !== undefined && shipping.amount !== null
        ? { amount: shipping.amount as string | number }
        : {}),
    };
  }
  if (Array.isArray(refund.refund_shipping_lines)) {
    input.refundShippingLines = list(refund.refund_shipping_lines).map((line) => ({
      shippingLineId: Number(line.shipping_line_id),
      ...(line.amount !== undefined ? { amount: line.amount as string | number } : {}),
    }));
  }
  if (Array.isArray(refund.refund_duties)) {
    input.refundDuties = list(refund.refund_duties).map((duty) => ({
      dutyId: Number(duty.duty_id),
      refundType: duty.refund_type === 'PROPORTIONAL' ? 'PROPORTIONAL' : 'FULL',
    }));
  }
  return input;
}
