import type { ShopifyClient } from './client.ts';
import { fetchedFrom } from './fetch-changed-orders.ts';
import type { FetchedOrder } from './fetched-order.ts';
import { toGid } from './ids.ts';
import type { OrderNode } from './payload.ts';

/**
 * One whole order again, by its numeric id or GID (seed 002 "Sync order from Shopify" on one
 * order; re-import after unlinking). `null` when Shopify has no such order.
 */
export async function fetchOrder(client: ShopifyClient, shopifyId: string): Promise<FetchedOrder | null> {
  const { data } = await client.request<{ order: OrderNode | null }>('OrderById', {
    id: toGid('Order', shopifyId),
  });
  return data.order ? fetchedFrom(client, data.order) : null;
}
