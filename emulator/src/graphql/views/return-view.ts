import {
  lineDiscountedTotal,
  type Order,
  orderCurrencies,
  type Return,
  type ReturnLineItem,
  type ShopState,
  unitsSlice,
} from '../../domain/index.ts';
import { byId, paginate, type ConnectionArgs } from '../connection.ts';
import { gid } from '../gid.ts';
import { fulfillmentLineItemView } from './fulfillment-view.ts';
import { lineItemView } from './order-lines-view.ts';
import { moneyBag } from './money.ts';
import { orderView } from './order-view.ts';
import { refundView } from './refund-view.ts';

/** Units of one return line already refunded by refunds tied to the return. */
function refundedOf(order: Order, ret: Return, item: ReturnLineItem): number {
  const units = order.refunds
    .filter((refund) => refund.returnId === ret.id)
    .flatMap((refund) => refund.refundLineItems)
    .filter((line) => line.lineItemId === item.lineItemId)
    .reduce((sum, line) => sum + line.quantity, 0);
  return Math.min(item.quantity, units);
}

/** Linked objects and lists are methods resolved when selected (see lineItemView). */
export function returnView(state: ShopState, order: Order, ret: Return): Record<string, unknown> {
  return {
    __typename: 'Return',
    id: gid('Return', ret.id),
    name: ret.name,
    status: ret.status,
    order() {
      return orderView(state, order);
    },
    totalQuantity: ret.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    decline: ret.status === 'DECLINED' ? { reason: ret.declineReason ?? 'OTHER', note: null } : null,
    returnLineItems(args: ConnectionArgs) {
      return paginate(ret.lineItems, args, byId, (item) => returnLineItemView(state, order, ret, item));
    },
    reverseFulfillmentOrders(args: ConnectionArgs) {
      return paginate(reverseFulfillmentOrders(order, ret), args, byId, (rfo) => rfo.view(state));
    },
    refunds(args: ConnectionArgs) {
      const refunds = order.refunds.filter((refund) => refund.returnId === ret.id);
      return paginate(refunds, args, byId, (refund) => refundView(state, order, refund));
    },
    exchangeLineItems(args: ConnectionArgs) {
      return paginate(ret.exchangeLineItems ?? [], args, byId, (item) => {
        const line = order.lineItems.find((l) => l.id === item.lineItemId);
        return {
          id: gid('ExchangeLineItem', item.id),
          lineItem() {
            return line ? lineItemView(state, order, line) : null;
          },
        };
      });
    },
  };
}

function returnLineItemView(state: ShopState, order: Order, ret: Return, item: ReturnLineItem) {
  const line = order.lineItems.find((l) => l.id === item.lineItemId);
  const refunded = refundedOf(order, ret, item);
  const fulfillmentLine = order.fulfillments
    .flatMap((f) => f.lineItems)
    .find((f) => f.id === item.fulfillmentLineItemId);
  return {
    __typename: 'ReturnLineItem',
    id: gid('ReturnLineItem', item.id),
    quantity: item.quantity,
    refundedQuantity: refunded,
    refundableQuantity: item.quantity - refunded,
    returnReason: item.returnReason.toUpperCase(),
    returnReasonNote: item.returnReasonNote,
    customerNote: item.customerNote,
    fulfillmentLineItem() {
      return fulfillmentLine ? fulfillmentLineItemView(state, order, fulfillmentLine) : null;
    },
    withCodeDiscountedTotalPriceSet() {
      return moneyBag(
        line && unitsSlice(lineDiscountedTotal(line), line.quantity, 0, item.quantity),
        orderCurrencies(order),
      );
    },
  };
}

/**
 * Shopify opens one reverse fulfillment order per approved return, holding its lines. The domain
 * keeps no record of it, so it is derived here with the return's ids (see NEEDS.md).
 */
function reverseFulfillmentOrders(order: Order, ret: Return) {
  if (ret.status === 'REQUESTED' || ret.status === 'DECLINED') return [];
  const status = ret.status === 'CANCELED' ? 'CANCELED' : ret.status;
  return [
    {
      id: ret.id,
      view: (state: ShopState) => ({
        id: gid('ReverseFulfillmentOrder', ret.id),
        status,
        order: orderView(state, order),
        lineItems: (args: ConnectionArgs) =>
          paginate(ret.lineItems, args, byId, (item) => {
            const fulfillmentLine = order.fulfillments
              .flatMap((f) => f.lineItems)
              .find((f) => f.id === item.fulfillmentLineItemId);
            return {
              id: gid('ReverseFulfillmentOrderLineItem', item.id),
              totalQuantity: item.quantity,
              fulfillmentLineItem: fulfillmentLine
                ? fulfillmentLineItemView(state, order, fulfillmentLine)
                : null,
              dispositions: [],
            };
          }),
      }),
    },
  ];
}
