import {
  financialStatus,
  fulfillmentStatus,
  orderTotals,
  type Order,
  type ShopState,
} from '../../domain/index.ts';
import { paginate, type ConnectionArgs, type SortPosition } from '../connection.ts';
import { candidateOrderIds, orderQueryMatcher, type SearchableOrder } from '../search/order-search.ts';
import { orderView } from './order-view.ts';

export interface OrdersArgs extends ConnectionArgs {
  readonly query?: string | null;
  readonly sortKey?: string | null;
}

/**
 * What `orders(query:)` can filter on, read from the domain order when a term asks (the derived
 * statuses are computed only then; most searches are by id or updated_at). A class with getters
 * on its prototype: one small object per order and search, not a literal with its own accessors.
 */
class SearchableView implements SearchableOrder {
  readonly #order: Order;
  constructor(order: Order) {
    this.#order = order;
  }
  get id() {
    return this.#order.id;
  }
  get name() {
    return this.#order.name;
  }
  get email() {
    return this.#order.email;
  }
  get createdAt() {
    return this.#order.createdAt;
  }
  get updatedAt() {
    return this.#order.updatedAt;
  }
  get processedAt() {
    return this.#order.processedAt;
  }
  get closedAt() {
    return this.#order.closedAt;
  }
  get cancelledAt() {
    return this.#order.cancelledAt;
  }
  get tags() {
    return this.#order.tags;
  }
  get sourceName() {
    return this.#order.sourceName;
  }
  get test() {
    return this.#order.test;
  }
  get financialStatus() {
    return financialStatus(this.#order);
  }
  get fulfillmentStatus() {
    return fulfillmentStatus(this.#order);
  }
}

export function searchable(order: Order): SearchableOrder {
  return new SearchableView(order);
}

function filterByQuery(orders: readonly Order[], query: string | null | undefined): Order[] {
  const matches = orderQueryMatcher(query);
  const ids = candidateOrderIds(query);
  return orders.filter((order) => (ids === null || ids.has(order.id)) && matches(searchable(order)));
}

/** OrderSortKeys the emulator orders by; the rest (RELEVANCE, CUSTOMER_NAME...) fall back to ID. */
function sortPosition(sortKey: string | null | undefined): (order: Order) => SortPosition {
  switch (sortKey) {
    case 'UPDATED_AT':
      return (order) => ({ id: order.id, value: order.updatedAt });
    case 'CREATED_AT':
      return (order) => ({ id: order.id, value: order.createdAt });
    case 'PROCESSED_AT':
      return (order) => ({ id: order.id, value: order.processedAt });
    case 'ORDER_NUMBER':
      return (order) => ({ id: order.id, value: order.number });
    case 'TOTAL_PRICE':
      return (order) => ({ id: order.id, value: orderTotals(order).totalPrice.shop });
    default:
      return (order) => ({ id: order.id, value: order.id });
  }
}

export function ordersConnection(state: ShopState, orders: readonly Order[], args: OrdersArgs) {
  // No search terms: every order matches, and deriving statuses for each would be wasted work.
  const matching = args.query?.trim() ? filterByQuery(orders, args.query) : orders;
  return paginate(matching, args, sortPosition(args.sortKey), (order) => orderView(state, order));
}

/**
 * QueryRoot.ordersCount (2025-01): the orders matching `query`, counted up to `limit` ("Limited to a
 * maximum of 10000", also the default). Above it the answer is the limit, precision AT_LEAST.
 */
export function ordersCount(
  orders: readonly Order[],
  args: { query?: string | null; limit?: number | null },
): { count: number; precision: 'EXACT' | 'AT_LEAST' } {
  const matching = args.query?.trim() ? filterByQuery(orders, args.query).length : orders.length;
  const limit = Math.min(args.limit ?? 10_000, 10_000);
  if (matching > limit) return { count: limit, precision: 'AT_LEAST' };
  return { count: matching, precision: 'EXACT' };
}
