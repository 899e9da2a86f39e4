import { NotFound } from '../errors.ts';
import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { financialStatus } from './financial-status.ts';
import { fulfillmentStatus } from './fulfillment-status.ts';

/**
 * Orders by id, per orders array (a reset or a load brings a new array). Orders are appended, so
 * new tail items are indexed on the next lookup; a deletion drops the index (forgetOrderIndex).
 * Without it every step of a 100,000-order simulation scanned the whole list.
 */
const indexes = new WeakMap<Order[], { byId: Map<number, Order>; size: number }>();

export function findOrder(state: ShopState, id: number): Order | undefined {
  const orders = state.data.orders;
  let index = indexes.get(orders);
  if (!index || orders.length < index.size) {
    index = { byId: new Map(), size: 0 };
    indexes.set(orders, index);
  }
  for (; index.size < orders.length; index.size++) {
    const order = orders[index.size]!;
    index.byId.set(order.id, order);
  }
  const found = index.byId.get(id);
  return found && found.id === id ? found : undefined;
}

/** After removing an order from the array (deleteOrder). */
export function forgetOrderIndex(state: ShopState): void {
  indexes.delete(state.data.orders);
}

export function getOrder(state: ShopState, id: number): Order {
  const order = findOrder(state, id);
  if (!order) throw new NotFound('Order', id);
  return order;
}

export type OrderStatusFilter = 'open' | 'closed' | 'cancelled' | 'any';

/** REST GET orders.json filters (Default status: open). Dates compare as instants. */
export interface OrderFilter {
  ids?: number[];
  sinceId?: number;
  status?: OrderStatusFilter;
  financialStatus?: string;
  fulfillmentStatus?: string;
  createdAtMin?: string;
  createdAtMax?: string;
  updatedAtMin?: string;
  updatedAtMax?: string;
  processedAtMin?: string;
  processedAtMax?: string;
  name?: string;
  tag?: string;
  test?: boolean;
}

/** Shopify's REST order states as data: which orders each `status` value selects. */
const statusSelects: Readonly<Record<OrderStatusFilter, (order: Order) => boolean>> = {
  open: (order) => order.closedAt === null && order.cancelledAt === null,
  closed: (order) => order.closedAt !== null,
  cancelled: (order) => order.cancelledAt !== null,
  any: () => true,
};

/** REST financial_status filter values that group several statuses. */
const financialGroups: Readonly<Record<string, readonly string[]>> = {
  any: [],
  unpaid: ['pending', 'authorized', 'partially_paid'],
};

export function listOrders(state: ShopState, filter: OrderFilter = {}): Order[] {
  return state.data.orders.filter((order) => matches(order, filter)).sort((a, b) => a.id - b.id);
}

function matches(order: Order, filter: OrderFilter): boolean {
  if (filter.ids && !filter.ids.includes(order.id)) return false;
  if (filter.sinceId !== undefined && order.id <= filter.sinceId) return false;
  if (!statusSelects[filter.status ?? 'open'](order)) return false;
  if (filter.financialStatus && !financialMatches(order, filter.financialStatus)) return false;
  if (filter.fulfillmentStatus && !fulfillmentMatches(order, filter.fulfillmentStatus)) return false;
  if (filter.name && order.name !== filter.name && order.name !== `#${filter.name}`) return false;
  if (filter.tag && !order.tags.some((tag) => tag.toLowerCase() === filter.tag!.toLowerCase())) return false;
  if (filter.test !== undefined && order.test !== filter.test) return false;
  return (
    within(order.createdAt, filter.createdAtMin, filter.createdAtMax) &&
    within(order.updatedAt, filter.updatedAtMin, filter.updatedAtMax) &&
    within(order.processedAt, filter.processedAtMin, filter.processedAtMax)
  );
}

function financialMatches(order: Order, wanted: string): boolean {
  const status = financialStatus(order);
  const group = financialGroups[wanted];
  if (group) return group.length === 0 || group.includes(status);
  return status === wanted;
}

/** REST fulfillment_status: shipped, partial, unshipped, unfulfilled, fulfilled, any. */
function fulfillmentMatches(order: Order, wanted: string): boolean {
  const status = fulfillmentStatus(order);
  switch (wanted) {
    case 'any':
      return true;
    case 'shipped':
    case 'fulfilled':
      return status === 'fulfilled';
    case 'partial':
      return status === 'partial';
    case 'unshipped':
      return status === null;
    case 'unfulfilled':
      return status === null || status === 'partial';
    default:
      return status === wanted;
  }
}

function within(value: string, min: string | undefined, max: string | undefined): boolean {
  const time = Date.parse(value);
  if (min && time < Date.parse(min)) return false;
  if (max && time > Date.parse(max)) return false;
  return true;
}
