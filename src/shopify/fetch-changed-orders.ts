import type { ShopifyClient } from './client.ts';
import { completeOrder } from './complete-order.ts';
import { changedSinceSearch, type FetchedOrder, type FetchedOrderPage } from './fetched-order.ts';
import { mapOrder } from './map/map-order.ts';
import type { ConnectionNode, OrderNode } from './payload.ts';

/**
 * Orders per page (Default: 5). A whole order (graphql/fragments/OrderFields.graphql) is
 * requested at ~197 points by Shopify's documented cost rules (objects 1, connections 2 + first x
 * node), so five keep a page under the 1,000-point single-query cap; measured in
 * test/shopify/fetch-orders.test.ts against the emulator's calculator.
 */
export const defaultOrdersPageSize = 5;

export interface FetchChangedOrdersOptions {
  /** The sync cursor: Shopify `updatedAt` of the last order staged; `null` reads every order. */
  updatedAfter: string | null;
  /** Orders per request (Default: `defaultOrdersPageSize`). */
  pageSize?: number;
}

/**
 * Step 1's reading (seed 002 "Under the hood"): the orders changed since the cursor, oldest
 * change first, whole (lines, shipping, transactions, fulfilment, refunds, returns), one page
 * per request; an order with more children than the page holds is completed by follow-up
 * queries for that order only. Shopify's cursor carries (updated_at, id), so an order changed
 * while we page moves behind us and is read again in its new version: nothing is missed, and
 * a version already yielded in this run is not yielded twice.
 */
export async function* fetchChangedOrders(
  client: ShopifyClient,
  options: FetchChangedOrdersOptions,
): AsyncGenerator<FetchedOrderPage> {
  const query = changedSinceSearch(options.updatedAfter);
  const first = options.pageSize ?? defaultOrdersPageSize;
  const yielded = new Map<string, string>();
  let after: string | null = null;
  for (;;) {
    const page = await readPage(client, { first, after, query });
    const fresh = page.nodes.filter((node) => yielded.get(node.id) !== node.updatedAt);
    const orders: FetchedOrder[] = [];
    for (const node of fresh) {
      orders.push(await fetchedFrom(client, node));
      yielded.set(node.id, node.updatedAt);
    }
    const { hasNextPage, endCursor } = page.pageInfo;
    yield { orders, hasNextPage };
    if (!hasNextPage) return;
    after = endCursor;
  }
}

async function readPage(
  client: ShopifyClient,
  variables: { first: number; after: string | null; query: string },
): Promise<ConnectionNode<OrderNode>> {
  const { data } = await client.request<{ orders: ConnectionNode<OrderNode> }>('OrdersPage', variables);
  return data.orders;
}

export async function fetchedFrom(client: ShopifyClient, node: OrderNode): Promise<FetchedOrder> {
  const payload = await completeOrder(client, node);
  return { order: mapOrder(payload), payload };
}
