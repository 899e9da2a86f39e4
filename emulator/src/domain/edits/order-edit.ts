import { getVariant } from '../catalog/products.ts';
import { NotFound, fail } from '../errors.ts';
import type { OrderEditSession } from '../model/edit.ts';
import type { Order } from '../model/order.ts';
import { findLineItem, lineItemQuantities } from '../orders/line-quantities.ts';
import { getOrder } from '../orders/query-orders.ts';
import type { ShopState } from '../state.ts';

/** orderEditBegin: a CalculatedOrder session; nothing changes until commit. */
export function orderEditBegin(state: ShopState, orderId: number): OrderEditSession {
  const order = getOrder(state, orderId);
  if (order.cancelledAt !== null) fail('The order cannot be edited because it is cancelled.', ['id']);
  const session: OrderEditSession = {
    id: state.nextId(),
    orderId: order.id,
    quantityChanges: [],
    addedVariants: [],
    committed: false,
    createdAt: state.now(),
  };
  state.data.orderEdits.push(session);
  return session;
}

export function getOrderEdit(
  state: ShopState,
  sessionId: number,
): { session: OrderEditSession; order: Order } {
  const session = state.data.orderEdits.find((candidate) => candidate.id === sessionId);
  if (!session) throw new NotFound('CalculatedOrder', sessionId);
  if (session.committed) fail('The order edit has already been committed.', ['id']);
  return { session, order: getOrder(state, session.orderId) };
}

/**
 * orderEditSetQuantity: "Use this mutation to increase, decrease, or remove items by adjusting
 * their quantities" (Shopify). Existing lines go down only to their fulfilled units (shipped
 * units cannot be removed by editing) and may go up (see increase-line-quantity.ts); a staged
 * added variant can take any quantity.
 */
export function orderEditSetQuantity(
  state: ShopState,
  sessionId: number,
  lineItemId: number,
  quantity: number,
  restock = false,
): OrderEditSession {
  const { session, order } = getOrderEdit(state, sessionId);
  if (!Number.isInteger(quantity) || quantity < 0)
    fail('Quantity must be greater than or equal to 0', ['quantity']);
  const added = session.addedVariants.find((variant) => variant.calculatedLineItemId === lineItemId);
  if (added) {
    if (quantity === 0) session.addedVariants.splice(session.addedVariants.indexOf(added), 1);
    else added.quantity = quantity;
    return session;
  }
  const line = findLineItem(order, lineItemId);
  if (!line) throw new NotFound('CalculatedLineItem', lineItemId);
  const quantities = lineItemQuantities(order, line);
  if (quantity < quantities.fulfilledQuantity) {
    fail('Quantity cannot be less than the fulfilled quantity.', ['quantity']);
  }
  session.quantityChanges = session.quantityChanges.filter((change) => change.lineItemId !== lineItemId);
  if (quantity !== quantities.currentQuantity)
    session.quantityChanges.push({ lineItemId, quantity, restock });
  return session;
}

/** orderEditAddVariant: returns the id of the staged (calculated) line item. */
export function orderEditAddVariant(
  state: ShopState,
  sessionId: number,
  variantId: number,
  quantity: number,
  locationId: number | null = null,
): number {
  const { session } = getOrderEdit(state, sessionId);
  getVariant(state, variantId);
  if (!Number.isInteger(quantity) || quantity < 1)
    fail('Quantity must be greater than or equal to 1', ['quantity']);
  const calculatedLineItemId = state.nextId();
  session.addedVariants.push({ calculatedLineItemId, variantId, quantity, locationId });
  return calculatedLineItemId;
}
