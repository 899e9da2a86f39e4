import { fail } from '../errors.ts';
import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { recordTransaction } from './build-transactions.ts';
import { financialStatus } from './financial-status.ts';
import { orderTotals } from './order-totals.ts';
import { getOrder } from './query-orders.ts';

/** orderMarkAsPaid: a manual sale for the outstanding amount. */
export function markAsPaid(state: ShopState, orderId: number): Order {
  const order = getOrder(state, orderId);
  const outstanding = orderTotals(order).totalOutstanding;
  if (order.cancelledAt !== null) fail('Order cannot be marked as paid because it is cancelled.', ['id']);
  if (outstanding.presentment <= 0 && financialStatus(order) === 'paid') {
    fail('Order cannot be marked as paid.', ['id']);
  }
  if (outstanding.presentment > 0) {
    recordTransaction(state, order, { kind: 'sale', amount: outstanding, gateway: 'manual', parentId: null });
  }
  order.financialStatusOverride = null;
  order.updatedAt = state.now();
  return order;
}
