import { inventoryMoves, moveItemAt } from '../catalog/inventory.ts';
import { NotFound, fail } from '../errors.ts';
import type { Fulfillment } from '../model/fulfillment.ts';
import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { trackingFrom, type TrackingInput } from './create-fulfillment.ts';
import { settleFulfillmentOrderStatus } from './fulfillment-orders.ts';
import { findOrderPart } from '../orders/order-parts-index.ts';

export function findFulfillment(
  state: ShopState,
  id: number,
): { order: Order; fulfillment: Fulfillment } | undefined {
  const found = findOrderPart(state, 'fulfillments', id);
  return found && { order: found.order, fulfillment: found.part };
}

export function getFulfillment(state: ShopState, id: number): { order: Order; fulfillment: Fulfillment } {
  const found = findFulfillment(state, id);
  if (!found) throw new NotFound('Fulfillment', id);
  return found;
}

/** fulfillmentTrackingInfoUpdate / REST update_tracking: replaces the tracking. */
export function updateFulfillmentTracking(
  state: ShopState,
  fulfillmentId: number,
  trackingInfo: TrackingInput,
  notifyCustomer = false,
): Fulfillment {
  const { order, fulfillment } = getFulfillment(state, fulfillmentId);
  fulfillment.tracking = trackingFrom(trackingInfo);
  fulfillment.notifyCustomer = notifyCustomer;
  fulfillment.updatedAt = state.now();
  order.updatedAt = fulfillment.updatedAt;
  return fulfillment;
}

/** Cancelling a fulfillment gives its units back to their fulfillment orders. */
export function cancelFulfillment(state: ShopState, fulfillmentId: number): Fulfillment {
  const { order, fulfillment } = getFulfillment(state, fulfillmentId);
  if (fulfillment.status === 'cancelled') fail('Fulfillment is already cancelled.', ['id']);
  fulfillment.status = 'cancelled';
  fulfillment.updatedAt = state.now();
  for (const item of fulfillment.lineItems) {
    const fulfillmentOrder = order.fulfillmentOrders.find(
      (candidate) => candidate.id === item.fulfillmentOrderId,
    );
    const foLine = fulfillmentOrder?.lineItems.find(
      (candidate) => candidate.id === item.fulfillmentOrderLineItemId,
    );
    if (!fulfillmentOrder || !foLine) continue;
    foLine.fulfillableQuantity += item.quantity;
    if (fulfillmentOrder.status === 'closed') fulfillmentOrder.status = 'open';
    settleFulfillmentOrderStatus(state, fulfillmentOrder);
    if (order.inventoryBehaviour !== 'bypass') {
      const line = order.lineItems.find((candidate) => candidate.id === item.lineItemId);
      moveItemAt(
        state,
        line?.inventoryItemId ?? null,
        fulfillmentOrder.assignedLocationId,
        inventoryMoves.unship(item.quantity),
      );
    }
  }
  order.updatedAt = fulfillment.updatedAt;
  return fulfillment;
}
