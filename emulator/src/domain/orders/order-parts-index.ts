import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';

/** The lists of an order whose entries Shopify addresses by their own id (`node(id:)`, mutations). */
const partLists = [
  'lineItems',
  'transactions',
  'refunds',
  'fulfillmentOrders',
  'fulfillments',
  'returns',
] as const satisfies readonly (keyof Order)[];

export type OrderPartList = (typeof partLists)[number];

interface PartsIndex {
  /** A part's id -> the order holding it, as the orders stood when the index was built. */
  readonly orderOf: Map<number, Order>;
  /** The shop's id counter then: any id from here on was made since. */
  readonly builtBefore: number;
}

/** One index per orders array (a reset or a load brings a new array). */
const indexes = new WeakMap<Order[], PartsIndex>();

/**
 * The order holding part `id` in its `list` (a refund, a fulfilment order...), and the part.
 * Shopify finds an object by its id at once whatever the shop's size; scanning every order for it
 * made a batch read by ids cost the emulator more the larger the shop (a 100,000-order backfill
 * reads ~4,500 batches of ~15 ids). Parts get their ids from the shop's counter, so an id at or
 * past the counter the index was built at was made since: it is looked for from the newest order
 * back (the orders being worked on are recent), as is anything the index does not place (a part
 * edited away, or moved), so the answer is always what the orders hold now. The index is rebuilt
 * once the counter has moved on by a quarter of its size: rebuilding costs about as much as the
 * parts made since, whatever the shop's size.
 */
export function findOrderPart<K extends OrderPartList>(
  state: ShopState,
  list: K,
  id: number,
): { order: Order; part: Order[K][number] } | undefined {
  const orders = state.data.orders;
  let index = indexes.get(orders);
  if (!index || state.data.nextId - index.builtBefore > Math.max(1_000, index.orderOf.size / 4)) {
    index = buildIndex(orders, state.data.nextId);
    indexes.set(orders, index);
  }
  const indexed = id < index.builtBefore ? index.orderOf.get(id) : undefined;
  const part = indexed && partOf(indexed, list, id);
  if (indexed && part) return { order: indexed, part };
  for (let at = orders.length - 1; at >= 0; at--) {
    const order = orders[at]!;
    const found = partOf(order, list, id);
    if (found) return { order, part: found };
  }
  return undefined;
}

function partOf<K extends OrderPartList>(order: Order, list: K, id: number): Order[K][number] | undefined {
  return (order[list] as readonly { id: number }[]).find((candidate) => candidate.id === id) as
    Order[K][number] | undefined;
}

function buildIndex(orders: readonly Order[], nextId: number): PartsIndex {
  const orderOf = new Map<number, Order>();
  for (const order of orders) {
    for (const list of partLists) {
      for (const part of order[list] as readonly { id: number }[]) orderOf.set(part.id, order);
    }
  }
  return { orderOf, builtBefore: nextId };
}
