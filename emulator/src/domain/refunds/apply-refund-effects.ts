import { inventoryMoves, moveItemAt, type InventoryDelta } from '../catalog/inventory.ts';
import { settleFulfillmentOrderStatus } from '../fulfillments/fulfillment-orders.ts';
import type { Order } from '../model/order.ts';
import type { Refund, RefundLineItem } from '../model/payments.ts';
import type { ShopState } from '../state.ts';

/**
 * seed 003 restock types: cancel puts unfulfilled units back to available and takes them
 * off fulfillment; return adds delivered units back to available; no_restock touches no
 * inventory. Edits and cancellations take units off fulfillment whatever the restock.
 */
export function applyRefundEffects(state: ShopState, order: Order, refund: Refund): void {
  for (const item of refund.refundLineItems) {
    const line = order.lineItems.find((candidate) => candidate.id === item.lineItemId);
    if (!line) continue;
    const delta = restockDelta(order, item);
    if (delta) moveItemAt(state, line.inventoryItemId, item.locationId, delta);
    if (item.restockType === 'cancel' || refund.origin !== 'refund')
      removeFromFulfillment(state, order, item);
  }
}

function restockDelta(order: Order, item: RefundLineItem): InventoryDelta | null {
  if (item.restockType === 'return') return inventoryMoves.restockShipped(item.quantity);
  if (item.restockType !== 'cancel') return null;
  // Units were committed only when the order decremented inventory (not "bypass").
  return order.inventoryBehaviour === 'bypass'
    ? inventoryMoves.restockShipped(item.quantity)
    : inventoryMoves.release(item.quantity);
}

function removeFromFulfillment(state: ShopState, order: Order, item: RefundLineItem): void {
  let left = item.quantity;
  for (const fulfillmentOrder of order.fulfillmentOrders) {
    for (const foLine of fulfillmentOrder.lineItems.filter(
      (candidate) => candidate.lineItemId === item.lineItemId,
    )) {
      const take = Math.min(left, foLine.fulfillableQuantity);
      foLine.fulfillableQuantity -= take;
      foLine.totalQuantity -= take;
      left -= take;
    }
    settleFulfillmentOrderStatus(state, fulfillmentOrder);
  }
}
