import {
  type Order,
  type OrderAdjustment,
  orderCurrencies,
  type Refund,
  type RefundLineItem,
  type RefundShippingLine,
  type ShopState,
  sumBags,
} from '../../domain/index.ts';
import { byId, paginate, type ConnectionArgs } from '../connection.ts';
import { gid } from '../gid.ts';
import { locationView } from './catalog-view.ts';
import { lineItemView, shippingLineView } from './order-lines-view.ts';
import { moneyBag } from './money.ts';
import { orderView } from './order-view.ts';
import { returnView } from './return-view.ts';
import { transactionView } from './transaction-view.ts';

export function refundView(state: ShopState, order: Order, refund: Refund) {
  const currencies = orderCurrencies(order);
  const transactions = () => order.transactions.filter((t) => refund.transactionIds.includes(t.id));
  // GraphQL orderAdjustments are the refund discrepancies; shipping refunds are refundShippingLines.
  const adjustments = refund.orderAdjustments.filter((a) => a.kind === 'refund_discrepancy');
  const linked = order.returns.find((r) => r.id === refund.returnId);
  return {
    __typename: 'Refund',
    id: gid('Refund', refund.id),
    legacyResourceId: String(refund.id),
    note: refund.note,
    createdAt: refund.createdAt,
    updatedAt: refund.processedAt,
    order: () => orderView(state, order),
    return: () => (linked ? returnView(state, order, linked) : null),
    totalRefundedSet: () =>
      moneyBag(
        sumBags(
          transactions().filter((t) => t.kind === 'refund' && t.status === 'success'),
          (t) => t.amount,
        ),
        currencies,
      ),
    refundLineItems: (args: ConnectionArgs) =>
      paginate(refund.refundLineItems, args, byId, (item) => refundLineItemView(state, order, item)),
    refundShippingLines: (args: ConnectionArgs) =>
      paginate(refund.refundShippingLines, args, byId, (item) => refundShippingLineView(state, order, item)),
    orderAdjustments: (args: ConnectionArgs) =>
      paginate(adjustments, args, byId, (item) => orderAdjustmentView(order, item)),
    transactions: (args: ConnectionArgs) =>
      paginate(transactions(), args, byId, (t) => transactionView(state, order, t)),
  };
}

export function refundLineItemView(state: ShopState, order: Order, item: RefundLineItem) {
  const currencies = orderCurrencies(order);
  const line = order.lineItems.find((l) => l.id === item.lineItemId);
  const location = state.data.locations.find((l) => l.id === item.locationId);
  return {
    id: gid('RefundLineItem', item.id),
    lineItem: line ? lineItemView(state, order, line) : null,
    location: location ? locationView(state, location) : null,
    quantity: item.quantity,
    restockType: item.restockType.toUpperCase(),
    restocked: item.restockType !== 'no_restock',
    priceSet: moneyBag(line?.price, currencies),
    subtotalSet: moneyBag(item.subtotal, currencies),
    totalTaxSet: moneyBag(item.totalTax, currencies),
  };
}

function refundShippingLineView(state: ShopState, order: Order, item: RefundShippingLine) {
  const currencies = orderCurrencies(order);
  const line = order.shippingLines.find((s) => s.id === item.shippingLineId);
  return {
    id: gid('RefundShippingLine', item.id),
    shippingLine: line ? shippingLineView(state, order, line) : null,
    subtotalAmountSet: moneyBag(item.subtotal, currencies),
    taxAmountSet: moneyBag(item.tax, currencies),
  };
}

function orderAdjustmentView(order: Order, adjustment: OrderAdjustment) {
  const currencies = orderCurrencies(order);
  return {
    id: gid('OrderAdjustment', adjustment.id),
    amountSet: moneyBag(adjustment.amount, currencies),
    taxAmountSet: moneyBag(adjustment.taxAmount, currencies),
    reason: 'REFUND_DISCREPANCY',
  };
}
