import { findInventoryLevel } from '../catalog/inventory.ts';
import { NotFound } from '../errors.ts';
import type { FulfillmentOrder } from '../model/fulfillment.ts';
import type { LineItem, Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { findOrderPart } from '../orders/order-parts-index.ts';

/**
 * Shopify splits an order into one fulfillment order per assigned location. The emulator
 * assigns a line to the first active location that stocks its item (else the first active
 * location, or the `preferredLocationId` given on the order).
 */
export function assignLocation(
  state: ShopState,
  line: LineItem,
  preferredLocationId: number | null,
): number | null {
  const active = state.data.locations.filter((location) => location.active);
  if (preferredLocationId !== null && active.some((location) => location.id === preferredLocationId)) {
    return preferredLocationId;
  }
  const stocking = active.find(
    (location) =>
      line.inventoryItemId !== null && findInventoryLevel(state, line.inventoryItemId, location.id),
  );
  return (stocking ?? active[0])?.id ?? null;
}

export function openFulfillmentOrders(
  state: ShopState,
  order: Order,
  lines: LineItem[],
  preferredLocationId: number | null,
): FulfillmentOrder[] {
  const created: FulfillmentOrder[] = [];
  for (const line of lines) {
    const locationId = assignLocation(state, line, preferredLocationId);
    if (locationId === null) continue;
    let fulfillmentOrder = created.find((candidate) => candidate.assignedLocationId === locationId);
    if (!fulfillmentOrder) {
      fulfillmentOrder = newFulfillmentOrder(state, order, locationId);
      created.push(fulfillmentOrder);
      order.fulfillmentOrders.push(fulfillmentOrder);
    }
    fulfillmentOrder.lineItems.push({
      id: state.nextId(),
      lineItemId: line.id,
      inventoryItemId: line.inventoryItemId,
      variantId: line.variantId,
      totalQuantity: line.quantity,
      fulfillableQuantity: line.quantity,
    });
  }
  return created;
}

export function newFulfillmentOrder(state: ShopState, order: Order, locationId: number): FulfillmentOrder {
  const now = state.now();
  return {
    id: state.nextId(),
    orderId: order.id,
    assignedLocationId: locationId,
    status: 'open',
    requestStatus: 'unsubmitted',
    lineItems: [],
    holds: [],
    fulfillAt: now,
    fulfillBy: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function locationOfLine(order: Order, lineItemId: number): number | null {
  const fulfillmentOrder = order.fulfillmentOrders.find((candidate) =>
    candidate.lineItems.some((item) => item.lineItemId === lineItemId),
  );
  return fulfillmentOrder?.assignedLocationId ?? null;
}

export function findFulfillmentOrder(
  state: ShopState,
  id: number,
): { order: Order; fulfillmentOrder: FulfillmentOrder } | undefined {
  const found = findOrderPart(state, 'fulfillmentOrders', id);
  return found && { order: found.order, fulfillmentOrder: found.part };
}

export function getFulfillmentOrder(
  state: ShopState,
  id: number,
): { order: Order; fulfillmentOrder: FulfillmentOrder } {
  const found = findFulfillmentOrder(state, id);
  if (!found) throw new NotFound('FulfillmentOrder', id);
  return found;
}

/** Open/in-progress status after units moved: closed once nothing is left to fulfill. */
export function settleFulfillmentOrderStatus(state: ShopState, fulfillmentOrder: FulfillmentOrder): void {
  const left = fulfillmentOrder.lineItems.reduce((sum, item) => sum + item.fulfillableQuantity, 0);
  const total = fulfillmentOrder.lineItems.reduce((sum, item) => sum + item.totalQuantity, 0);
  if (fulfillmentOrder.status === 'cancelled' || fulfillmentOrder.status === 'on_hold') return;
  if (left === 0) fulfillmentOrder.status = 'closed';
  else if (left < total) fulfillmentOrder.status = 'in_progress';
  else fulfillmentOrder.status = 'open';
  fulfillmentOrder.updatedAt = state.now();
}
