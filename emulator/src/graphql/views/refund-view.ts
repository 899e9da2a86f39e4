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

/*
 * Linked objects, lists and amounts are methods, resolved when selected: see lineItemView on
 * methods rather than arrow properties.
 */
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
    order() {
      return orderView(state, order);
    },
    return() {
      return linked ? returnView(state, order, linked) : null;
    },
    totalRefundedSet() {
      const settled = transactions().filter((t) => t.kind === 'refund' && t.status === 'success');
      return moneyBag(
        sumBags(settled, (t) => t.amount),
        currencies,
      );
    },
    refundLineItems(args: ConnectionArgs) {
      return paginate(refund.refundLineItems, args, byId, (item) => refundLineItemView(state, order, item));
    },
    refundShippingLines(args: ConnectionArgs) {
      return paginate(refund.refundShippingLines, args, byId, (item) =>
        refundShippingLineView(state, order, item),
      );
    },
    orderAdjustments(args: ConnectionArgs) {
      return paginate(adjustments, args, byId, (item) => orderAdjustmentView(order, item));
    },
    transactions(args: ConnectionArgs) {
      return paginate(transactions(), args, byId, (t) => transactionView(state, order, t));
    },
  };
}

export function refundLineItemView(state: ShopState, order: Order, item: RefundLineItem) {
  const currencies = orderCurrencies(order);
  const line = order.lineItems.find((l) => l.id === item.lineItemId);
  return {
    id: gid('RefundLineItem', item.id),
    lineItem() {
      return line ? lineItemView(state, order, line) : null;
    },
    location() {
      const location = state.data.locations.find((l) => l.id === item.locationId);
      return location ? locationView(state, location) : null;
    },
    quantity: item.quantity,
    restockType: item.restockType.toUpperCase(),
    restocked: item.restockType !== 'no_restock',
    priceSet() {
      return moneyBag(line?.price, currencies);
    },
    subtotalSet() {
      return moneyBag(item.subtotal, currencies);
    },
    totalTaxSet() {
      return moneyBag(item.totalTax, currencies);
    },
  };
}

function refundShippingLineView(state: ShopState, order: Order, item: RefundShippingLine) {
  const currencies = orderCurrencies(order);
  const line = order.shippingLines.find((s) => s.id === item.shippingLineId);
  return {
    id: gid('RefundShippingLine', item.id),
    shippingLine() {
      return line ? shippingLineView(state, order, line) : null;
    },
    subtotalAmountSet() {
      return moneyBag(item.subtotal, currencies);
    },
    taxAmountSet() {
      return moneyBag(item.tax, currencies);
    },
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
