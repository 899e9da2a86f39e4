import { formatShopTime, sumBags, type Order, type Refund, type ShopState } from './deps.ts';
import { restLineItem, restLineItemNested } from './line-item.ts';
import { gid, moneyOf } from './money.ts';
import { restShippingLineInRefund } from './shipping-line.ts';
import { restTransaction } from './transaction.ts';

/** REST refund (GET refunds.json / POST refunds.json). */
export function restRefund(state: ShopState, order: Order, refund: Refund, embeddedInOrder = false) {
  const full = fullRefund(state, order, refund, embeddedInOrder);
  if (!embeddedInOrder) return full;
  // Refunds embedded in a REST order have neither `return` nor `refund_shipping_lines`.
  const { return: _return, refund_shipping_lines: _lines, ...embedded } = full;
  return embedded;
}

function fullRefund(state: ShopState, order: Order, refund: Refund, embeddedInOrder: boolean) {
  const money = moneyOf(order);
  const zero = { shop: 0, presentment: 0 };
  return {
    id: refund.id,
    order_id: order.id,
    created_at: formatShopTime(state, refund.createdAt),
    note: refund.note,
    user_id: refund.userId,
    processed_at: formatShopTime(state, refund.processedAt),
    duties: refund.duties.map((duty) => ({ duty_id: duty.dutyId, amount_set: money.set(duty.amount) })),
    total_duties_set: money.set(sumBags(refund.duties, (duty) => duty.amount)),
    return:
      refund.returnId === null
        ? null
        : { id: refund.returnId, admin_graphql_api_id: gid('Return', refund.returnId) },
    restock: refund.restock,
    additional_fees: [],
    total_additional_fees_set: money.set(zero),
    refund_shipping_lines: refund.refundShippingLines.map((line) => {
      const shippingLine = order.shippingLines.find((candidate) => candidate.id === line.shippingLineId);
      return {
        id: line.id,
        shipping_line_id: line.shippingLineId,
        subtotal_amount_set: money.set(line.subtotal),
        shipping_line: shippingLine ? restShippingLineInRefund(order, shippingLine) : null,
      };
    }),
    admin_graphql_api_id: gid('Refund', refund.id),
    order_adjustments: refund.orderAdjustments.map((adjustment) => ({
      id: adjustment.id,
      order_id: order.id,
      refund_id: refund.id,
      amount: money.shop(adjustment.amount),
      tax_amount: money.shop(adjustment.taxAmount),
      kind: adjustment.kind,
      reason: adjustment.reason,
      amount_set: money.set(adjustment.amount),
      tax_amount_set: money.set(adjustment.taxAmount),
    })),
    refund_line_items: refund.refundLineItems.map((item) => {
      const line = order.lineItems.find((candidate) => candidate.id === item.lineItemId)!;
      return {
        id: item.id,
        line_item_id: item.lineItemId,
        location_id: item.locationId,
        quantity: item.quantity,
        restock_type: item.restockType,
        subtotal: Number(money.shop(item.subtotal)),
        subtotal_set: money.set(item.subtotal),
        total_tax: Number(money.shop(item.totalTax)),
        total_tax_set: money.set(item.totalTax),
        line_item: embeddedInOrder ? restLineItem(order, line) : restLineItemNested(order, line),
      };
    }),
    transactions: refund.transactionIds
      .map((id) => order.transactions.find((transaction) => transaction.id === id))
      .filter((transaction) => transaction !== undefined)
      .map((transaction) =>
        restTransaction(state, order, transaction, embeddedInOrder ? 'in_order_refund' : 'in_refund'),
      ),
  };
}
