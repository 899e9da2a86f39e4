import { fail } from '../errors.ts';
import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { forgetOrderIndex, getOrder } from './query-orders.ts';

/** orderClose / REST close.json: archives the order (closed_at). */
export function closeOrder(state: ShopState, orderId: number): Order {
  const order = getOrder(state, orderId);
  if (order.closedAt === null) order.closedAt = state.now();
  order.updatedAt = state.now();
  return order;
}

/** orderOpen / REST open.json: un-archives it. */
export function openOrder(state: ShopState, orderId: number): Order {
  const order = getOrder(state, orderId);
  order.closedAt = null;
  order.updatedAt = state.now();
  return order;
}

/** Gateways that move no real money: the test gateway "bogus" and offline payments. */
const offlineGateways = ['manual', 'bogus', 'cash', 'gift_card', ''];

/**
 * REST DELETE orders/{id}.json. Shopify's docs: "Orders that interact with an online gateway
 * can't be deleted" (the recorded deletion of 450789469 used the test gateway "bogus").
 */
export function deleteOrder(state: ShopState, orderId: number): void {
  const order = getOrder(state, orderId);
  if (usedOnlineGateway(order)) {
    fail('This order has been paid through an online gateway and cannot be deleted', ['base']);
  }
  state.data.orders.splice(state.data.orders.indexOf(order), 1);
  forgetOrderIndex(state);
}

function usedOnlineGateway(order: Order): boolean {
  return order.transactions.some(
    (transaction) => transaction.status === 'success' && !offlineGateways.includes(transaction.gateway),
  );
}
