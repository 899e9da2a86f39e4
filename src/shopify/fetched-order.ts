import type { Order } from '../domain/order.ts';

/** One order as fetched: our `Order` and Shopify's completed JSON node, kept as the raw version. */
export interface FetchedOrder {
  order: Order;
  payload: unknown;
}

export interface FetchedOrderPage {
  orders: FetchedOrder[];
  hasNextPage: boolean;
}

/**
 * The orders search for "changed since the cursor". Inclusive (`>=`): Shopify's updated_at has
 * whole seconds, and orders updated in the cursor's second after the page that set it would
 * otherwise be skipped for good; re-reading that second is harmless (versions are idempotent).
 */
export function changedSinceSearch(updatedAfter: string | null): string {
  if (updatedAfter === null) return '';
  return `updated_at:>='${new Date(updatedAfter).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
}
