import { findInventoryLevel, inventoryMoves, moveItemAt } from '../catalog/inventory.ts';
import { UserErrors, type UserError } from '../errors.ts';
import type { FulfillmentOrder, FulfillmentOrderLineItem } from '../model/fulfillment.ts';
import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import {
  getFulfillmentOrder,
  newFulfillmentOrder,
  settleFulfillmentOrderStatus,
} from './fulfillment-orders.ts';

export interface MoveFulfillmentOrderInput {
  id: number;
  newLocationId: number;
  /** Units to move; omitted: every unfulfilled unit of the fulfillment order. */
  fulfillmentOrderLineItems?: { id: number; quantity: number }[] | null;
}

export interface MoveFulfillmentOrderResult {
  order: Order;
  /** The fulfillment order now holding the moved units, at the new location. */
  moved: FulfillmentOrder;
  /** The final state of the fulfillment order that was moved (the same record as `moved` on a whole move). */
  original: FulfillmentOrder;
  /** Deprecated in 2025-01; the recorded REST move answers null. */
  remaining: FulfillmentOrder | null;
}

/** fulfillmentOrderMove's statuses: the FO must offer the MOVE action (open or in progress). */
const movableStatuses: readonly string[] = ['open', 'in_progress'];
/** "awaiting action by a fulfillment service" (SUBMITTED, ACCEPTED, CANCELLATION_*). */
const lockedRequestStatuses: readonly string[] = ['submitted', 'accepted'];

/**
 * fulfillmentOrderMove / REST POST fulfillment_orders/{id}/move.json (2025-01 doc):
 * - all units of an unstarted fulfillment order: the same fulfillment order changes location;
 * - a subset, or a fulfillment order with fulfilled units: the units go to a new fulfillment
 *   order at the new location and leave the original (closed when nothing is left to fulfill);
 * - when the order already has another open, unstarted fulfillment order at the new location,
 *   "a new fulfillment order is created. The existing fulfillment order is closed and line items
 *   are recreated in a new fulfillment order" (the moved units join them there).
 * Refused (nothing written): unknown fulfillment order or location, an inactive location, a
 * fulfillment order that is not open/in progress or is with a fulfillment service, the new
 * location already assigned, items the new location does not stock, bad line items/quantities.
 * Committed inventory moves from the old location to the new one (orders that decremented it).
 */
export function moveFulfillmentOrder(
  state: ShopState,
  input: MoveFulfillmentOrderInput,
): MoveFulfillmentOrderResult {
  const { order, fulfillmentOrder } = getFulfillmentOrder(state, input.id);
  const units = validateMove(state, fulfillmentOrder, input);
  const now = state.now();
  const sourceLocationId = fulfillmentOrder.assignedLocationId;
  const committed = fulfillmentOrder.lineItems
    .filter((item) => units.has(item.id))
    .map((item) => ({ inventoryItemId: item.inventoryItemId, quantity: units.get(item.id)! }));
  const whole = fulfillmentOrder.lineItems.every(
    (item) =>
      item.fulfillableQuantity === item.totalQuantity && (units.get(item.id) ?? 0) === item.totalQuantity,
  );
  const existing = order.fulfillmentOrders.find(
    (candidate) =>
      candidate.id !== fulfillmentOrder.id &&
      candidate.assignedLocationId === input.newLocationId &&
      candidate.status === 'open' &&
      candidate.requestStatus === 'unsubmitted' &&
      candidate.lineItems.every((item) => item.fulfillableQuantity === item.totalQuantity),
  );

  let moved: FulfillmentOrder;
  if (whole && !existing) {
    fulfillmentOrder.assignedLocationId = input.newLocationId;
    fulfillmentOrder.updatedAt = now;
    moved = fulfillmentOrder;
  } else {
    moved = newFulfillmentOrder(state, order, input.newLocationId);
    if (existing) {
      for (const item of existing.lineItems) moved.lineItems.push(copyLine(state, item, item.totalQuantity));
      existing.lineItems = [];
      existing.status = 'closed';
      existing.updatedAt = now;
    }
    for (const item of fulfillmentOrder.lineItems) {
      const quantity = units.get(item.id) ?? 0;
      if (quantity === 0) continue;
      moved.lineItems.push(copyLine(state, item, quantity));
      item.totalQuantity -= quantity;
      item.fulfillableQuantity -= quantity;
    }
    fulfillmentOrder.lineItems = fulfillmentOrder.lineItems.filter((item) => item.totalQuantity > 0);
    settleFulfillmentOrderStatus(state, fulfillmentOrder);
    order.fulfillmentOrders.push(moved);
  }

  if (order.inventoryBehaviour !== 'bypass') {
    for (const { inventoryItemId, quantity } of committed) {
      moveItemAt(state, inventoryItemId, sourceLocationId, inventoryMoves.release(quantity));
      moveItemAt(state, inventoryItemId, input.newLocationId, inventoryMoves.commit(quantity));
    }
  }
  order.updatedAt = now;
  return { order, moved, original: fulfillmentOrder, remaining: null };
}

function copyLine(
  state: ShopState,
  item: FulfillmentOrderLineItem,
  quantity: number,
): FulfillmentOrderLineItem {
  return {
    id: state.nextId(),
    lineItemId: item.lineItemId,
    inventoryItemId: item.inventoryItemId,
    variantId: item.variantId,
    totalQuantity: quantity,
    fulfillableQuantity: quantity,
  };
}

/** Units to move per fulfillment order line item id; throws UserErrors before any write. */
function validateMove(
  state: ShopState,
  fulfillmentOrder: FulfillmentOrder,
  input: MoveFulfillmentOrderInput,
): Map<number, number> {
  const location = state.data.locations.find((candidate) => candidate.id === input.newLocationId);
  if (!location) throw new UserErrors([{ field: ['new_location_id'], message: 'Location not found.' }]);
  const refuse = (message: string, field: string[] | null = ['id']): never => {
    throw new UserErrors([{ field, message }]);
  };
  if (!movableStatuses.includes(fulfillmentOrder.status)) {
    refuse(`Cannot move a fulfillment order with status ${fulfillmentOrder.status}.`);
  }
  if (lockedRequestStatuses.includes(fulfillmentOrder.requestStatus)) {
    refuse(`Cannot move a fulfillment order with request status ${fulfillmentOrder.requestStatus}.`);
  }
  if (!location.active) refuse('Location is not active.', ['new_location_id']);
  if (fulfillmentOrder.assignedLocationId === location.id) {
    refuse('The fulfillment order is already assigned to this location.', ['new_location_id']);
  }

  const units = new Map<number, number>();
  const errors: UserError[] = [];
  if (input.fulfillmentOrderLineItems) {
    input.fulfillmentOrderLineItems.forEach((requested, index) => {
      const field = ['fulfillment_order_line_items', String(index)];
      const item = fulfillmentOrder.lineItems.find((candidate) => candidate.id === requested.id);
      if (!item) {
        errors.push({ field: [...field, 'id'], message: 'Fulfillment order line item does not exist.' });
        return;
      }
      const quantity = (units.get(item.id) ?? 0) + requested.quantity;
      if (requested.quantity < 1 || quantity > item.fulfillableQuantity) {
        errors.push({
          field: [...field, 'quantity'],
          message: `Quantity must be between 1 and the unfulfilled quantity (${item.fulfillableQuantity}).`,
        });
        return;
      }
      units.set(item.id, quantity);
    });
  } else {
    for (const item of fulfillmentOrder.lineItems) {
      if (item.fulfillableQuantity > 0) units.set(item.id, item.fulfillableQuantity);
    }
  }
  if (errors.length > 0) throw new UserErrors(errors);
  if (units.size === 0) refuse('There are no unfulfilled line items to move.');

  const unstocked = fulfillmentOrder.lineItems.filter(
    (item) =>
      units.has(item.id) &&
      item.inventoryItemId !== null &&
      state.data.inventoryItems.some((inventoryItem) => inventoryItem.id === item.inventoryItemId) &&
      !findInventoryLevel(state, item.inventoryItemId, location.id),
  );
  if (unstocked.length > 0) {
    refuse(`The destination location ${location.name} does not stock the requested inventory items.`, [
      'new_location_id',
    ]);
  }
  return units;
}
