import type { OrderSnapshot, ShopSnapshot } from './shop-snapshot.ts';
import type { Topic } from './topics.ts';

/** What a webhook is about; the payload is built from it at once (the state of that moment). */
export type EventSubject =
  | { kind: 'order'; orderId: number }
  | { kind: 'deleted-order'; orderId: number }
  | { kind: 'refund'; orderId: number; refundId: number }
  | { kind: 'transaction'; orderId: number; transactionId: number }
  | { kind: 'fulfillment'; orderId: number; fulfillmentId: number }
  | { kind: 'return'; orderId: number; returnId: number }
  | {
      kind: 'edit';
      orderId: number;
      editId: number;
      before: Record<number, number>;
      after: Record<number, number>;
    }
  | { kind: 'inventory'; inventoryItemId: number; locationId: number };

export interface DetectedEvent {
  topic: Topic;
  subject: EventSubject;
}

/**
 * Shopify's topics implied by the difference between two snapshots (pure). Shopify documents
 * no order between topics of one change; this lists the record topics first, then the order's.
 */
export function detectEvents(before: ShopSnapshot, after: ShopSnapshot): DetectedEvent[] {
  const events: DetectedEvent[] = [];
  for (const [orderId, next] of after.orders) {
    events.push(...orderEvents(orderId, before.orders.get(orderId), next));
  }
  for (const orderId of before.orders.keys()) {
    if (!after.orders.has(orderId)) {
      events.push({ topic: 'orders/delete', subject: { kind: 'deleted-order', orderId } });
    }
  }
  events.push(...inventoryEvents(before.inventory, after.inventory));
  return events;
}

function orderEvents(orderId: number, previous: OrderSnapshot | undefined, next: OrderSnapshot) {
  const events: DetectedEvent[] = [];
  const order = { kind: 'order', orderId } as const;
  const was = previous ?? emptyOrder();
  if (!previous) events.push({ topic: 'orders/create', subject: order });
  for (const id of added(Object.keys(was.transactions), Object.keys(next.transactions))) {
    events.push({
      topic: 'order_transactions/create',
      subject: { kind: 'transaction', orderId, transactionId: Number(id) },
    });
  }
  for (const refundId of added(was.refundIds, next.refundIds)) {
    events.push({ topic: 'refunds/create', subject: { kind: 'refund', orderId, refundId } });
  }
  events.push(...fulfillmentEvents(orderId, was, next));
  events.push(...returnEvents(orderId, was, next));
  for (const editId of added(was.editIds, next.editIds)) {
    events.push({
      topic: 'orders/edited',
      subject: {
        kind: 'edit',
        orderId,
        editId,
        before: was.lineQuantities,
        after: next.lineQuantities,
      },
    });
  }
  events.push(...statusEvents(order, was, next));
  if (previous && JSON.stringify(previous) !== JSON.stringify(next)) {
    events.push({ topic: 'orders/updated', subject: order });
  }
  return events;
}

/** orders/paid, orders/cancelled, orders/fulfilled and orders/partially_fulfilled fire on entry. */
function statusEvents(order: EventSubject, was: OrderSnapshot, next: OrderSnapshot): DetectedEvent[] {
  const events: DetectedEvent[] = [];
  if (next.financialStatus === 'paid' && was.financialStatus !== 'paid') {
    events.push({ topic: 'orders/paid', subject: order });
  }
  if (next.cancelledAt !== null && was.cancelledAt === null) {
    events.push({ topic: 'orders/cancelled', subject: order });
  }
  if (next.fulfillmentStatus !== was.fulfillmentStatus) {
    if (next.fulfillmentStatus === 'fulfilled') events.push({ topic: 'orders/fulfilled', subject: order });
    if (next.fulfillmentStatus === 'partial') {
      events.push({ topic: 'orders/partially_fulfilled', subject: order });
    }
  }
  return events;
}

function fulfillmentEvents(orderId: number, was: OrderSnapshot, next: OrderSnapshot): DetectedEvent[] {
  return Object.entries(next.fulfillments).flatMap(([id, version]): DetectedEvent[] => {
    const subject = { kind: 'fulfillment', orderId, fulfillmentId: Number(id) } as const;
    const previous = was.fulfillments[Number(id)];
    if (previous === undefined) return [{ topic: 'fulfillments/create', subject }];
    return previous !== version ? [{ topic: 'fulfillments/update', subject }] : [];
  });
}

/**
 * returns/request for a requested return, returns/approve when a return becomes OPEN (also one
 * created open by returnCreate), then close, decline, cancel and reopen on their transitions.
 */
function returnEvents(orderId: number, was: OrderSnapshot, next: OrderSnapshot): DetectedEvent[] {
  return Object.entries(next.returns).flatMap(([id, status]): DetectedEvent[] => {
    const previous = was.returns[Number(id)];
    if (previous === status) return [];
    const topic = returnTopic(previous, status);
    return topic ? [{ topic, subject: { kind: 'return', orderId, returnId: Number(id) } }] : [];
  });
}

function returnTopic(previous: string | undefined, status: string): Topic | null {
  if (status === 'REQUESTED') return 'returns/request';
  if (status === 'OPEN') return previous === 'CLOSED' ? 'returns/reopen' : 'returns/approve';
  if (status === 'CLOSED') return 'returns/close';
  if (status === 'DECLINED') return 'returns/decline';
  if (status === 'CANCELED') return 'returns/cancel';
  return null;
}

/** inventory_levels/update when `available` changes at a location (a new level is a connect). */
function inventoryEvents(before: Map<string, number>, after: Map<string, number>): DetectedEvent[] {
  const events: DetectedEvent[] = [];
  for (const [key, available] of after) {
    const previous = before.get(key);
    if (previous === undefined || previous === available) continue;
    const [inventoryItemId, locationId] = key.split(':').map(Number) as [number, number];
    events.push({
      topic: 'inventory_levels/update',
      subject: { kind: 'inventory', inventoryItemId, locationId },
    });
  }
  return events;
}

function added<T extends number | string>(before: readonly T[], after: readonly T[]): T[] {
  const seen = new Set(before.map(String));
  return after.filter((item) => !seen.has(String(item)));
}

function emptyOrder(): OrderSnapshot {
  return {
    updatedAt: '',
    financialStatus: '',
    fulfillmentStatus: null,
    cancelledAt: null,
    closedAt: null,
    tags: '',
    note: null,
    refundIds: [],
    transactions: {},
    fulfillments: {},
    returns: {},
    editIds: [],
    lineQuantities: {},
  };
}
