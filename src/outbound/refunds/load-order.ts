import type { Order } from '../../domain/order.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { fetchOrder } from '../../shopify/index.ts';
import type { ShopContext } from './outbound-deps.ts';

/**
 * The order as Shopify has it now: an agent's action is checked against current refundable
 * quantities and status, not against a mirror a webhook may not have updated yet (seed 004 3.4:
 * Shopify is the source of truth).
 */
export async function loadShopifyOrder(shop: ShopContext, shopifyOrderId: string): Promise<Order> {
  const fetched = await fetchOrder(shop.client, shopifyOrderId);
  if (!fetched)
    throw new NotFoundError(
      `order: Shopify has no order ${shopifyOrderId} in shop "${shop.connection.settings.code}"`,
    );
  return fetched.order;
}
