import type { ShopifyClient } from './client.ts';
import { changedSinceSearch } from './fetched-order.ts';

/**
 * How many orders changed since the cursor (the search fetchChangedOrders and exportOrdersInBulk
 * use), by `ordersCount` (2025-01; Shopify counts up to 10,000 and then answers AT_LEAST). One
 * cheap request that lets the caller choose between paging and a bulk export.
 */
export async function countChangedOrders(
  client: ShopifyClient,
  options: { updatedAfter: string | null },
): Promise<number> {
  const { data } = await client.request<{ ordersCount: { count: number; precision: string } | null }>(
    'OrdersCount',
    { query: changedSinceSearch(options.updatedAfter) },
  );
  return data.ordersCount?.count ?? 0;
}
