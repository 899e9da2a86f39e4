import {
  financialStatus,
  fulfillmentStatus,
  lineItemQuantities,
  type Order,
  type ShopState,
} from '../domain/index.ts';

/**
 * The few facts per record whose change makes Shopify send a webhook. Taken after every
 * mutating call and simulator step and compared with the previous one (see detect-events.ts),
 * so the domain needs no event hooks.
 */
export interface OrderSnapshot {
  updatedAt: string;
  financialStatus: string;
  fulfillmentStatus: string | null;
  cancelledAt: string | null;
  closedAt: string | null;
  tags: string;
  note: string | null;
  refundIds: number[];
  /** Transaction id -> status (a pending refund that settles changes the order). */
  transactions: Record<number, string>;
  /** Fulfillment id -> `status|updatedAt`. */
  fulfillments: Record<number, string>;
  /** Return id -> status. */
  returns: Record<number, string>;
  /** Committed order edit sessions. */
  editIds: number[];
  /** Line item id -> current quantity (the deltas of an edit). */
  lineQuantities: Record<number, number>;
}

export interface ShopSnapshot {
  orders: Map<number, OrderSnapshot>;
  /** `inventoryItemId:locationId` -> available. */
  inventory: Map<string, number>;
}

export function takeSnapshot(state: ShopState): ShopSnapshot {
  const editIdsByOrder = new Map<number, number[]>();
  for (const session of state.data.orderEdits) {
    if (!session.committed) continue;
    editIdsByOrder.set(session.orderId, [...(editIdsByOrder.get(session.orderId) ?? []), session.id]);
  }
  const orders = new Map<number, OrderSnapshot>();
  for (const order of state.data.orders) {
    orders.set(order.id, orderSnapshot(order, editIdsByOrder.get(order.id) ?? []));
  }
  return { orders, inventory: inventorySnapshot(state) };
}

/**
 * The same facts for a few orders only (absent ones left out) and all inventory levels: what
 * one simulator step can change. A whole-shop snapshot after each step made a chunk of a
 * 5,000-order history quadratic in the orders already in the shop.
 */
export function takeOrdersSnapshot(state: ShopState, orderIds: readonly number[]): ShopSnapshot {
  const wanted = new Set(orderIds);
  const orders = new Map<number, OrderSnapshot>();
  for (const order of state.data.orders) {
    if (!wanted.has(order.id)) continue;
    const editIds = state.data.orderEdits
      .filter((session) => session.committed && session.orderId === order.id)
      .map((session) => session.id);
    orders.set(order.id, orderSnapshot(order, editIds));
  }
  return { orders, inventory: inventorySnapshot(state) };
}

function inventorySnapshot(state: ShopState): Map<string, number> {
  const inventory = new Map<string, number>();
  for (const level of state.data.inventoryLevels) {
    inventory.set(inventoryKey(level.inventoryItemId, level.locationId), level.available);
  }
  return inventory;
}

export function inventoryKey(inventoryItemId: number, locationId: number): string {
  return `${inventoryItemId}:${locationId}`;
}

function orderSnapshot(order: Order, editIds: number[]): OrderSnapshot {
  return {
    updatedAt: order.updatedAt,
    financialStatus: financialStatus(order),
    fulfillmentStatus: fulfillmentStatus(order),
    cancelledAt: order.cancelledAt,
    closedAt: order.closedAt,
    tags: order.tags.join(','),
    note: order.note,
    refundIds: order.refunds.map((refund) => refund.id),
    transactions: Object.fromEntries(order.transactions.map((t) => [t.id, t.status])),
    fulfillments: Object.fromEntries(order.fulfillments.map((f) => [f.id, `${f.status}|${f.updatedAt}`])),
    returns: Object.fromEntries(order.returns.map((item) => [item.id, item.status])),
    editIds,
    lineQuantities: Object.fromEntries(
      order.lineItems.map((line) => [line.id, lineItemQuantities(order, line).currentQuantity]),
    ),
  };
}

export function emptySnapshot(): ShopSnapshot {
  return { orders: new Map(), inventory: new Map() };
}
