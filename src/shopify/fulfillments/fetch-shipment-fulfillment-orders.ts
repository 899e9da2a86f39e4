import type { ShopifyClient } from '../client.ts';
import { ShopifyOrderNotFoundError, ShopifyQueryError } from '../errors.ts';
import { legacyId, toGid } from '../ids.ts';

/** A fulfillment order as a shipment needs it: ids kept as GIDs (they go straight back to Shopify). */
export interface ShipmentFulfillmentOrder {
  id: string;
  /** Lower case: open, in_progress, closed, ... */
  status: string;
  /** Shopify's numeric location id. */
  locationShopifyId: string | null;
  lines: { id: string; lineShopifyId: string; remainingQuantity: number }[];
}

interface Node {
  id: string;
  status: string;
  assignedLocation: { location: { legacyResourceId: string } | null } | null;
  lineItems: {
    nodes: { id: string; remainingQuantity: number; lineItem: { id: string } }[];
    pageInfo: { hasNextPage: boolean };
  };
}

/** The order's fulfillment orders with their line item ids (one page: 8 fulfillment orders x 50 lines, within the single query cost limit of 1000). */
export async function fetchShipmentFulfillmentOrders(
  client: ShopifyClient,
  shopifyOrderId: string,
): Promise<ShipmentFulfillmentOrder[]> {
  const { data } = await client.request<{
    order: { fulfillmentOrders: { nodes: Node[]; pageInfo: { hasNextPage: boolean } } } | null;
  }>('ShipmentFulfillmentOrders', { id: toGid('Order', shopifyOrderId) });
  if (!data.order) throw new ShopifyOrderNotFoundError(`Shopify order ${shopifyOrderId} was not found`);
  const { nodes, pageInfo } = data.order.fulfillmentOrders;
  if (pageInfo.hasNextPage || nodes.some((n) => n.lineItems.pageInfo.hasNextPage))
    throw new ShopifyQueryError(
      `Shopify order ${shopifyOrderId} has more than 8 fulfillment orders or 50 lines in one; ship it in Shopify`,
      [],
    );
  return nodes.map((node) => ({
    id: node.id,
    status: node.status.toLowerCase(),
    locationShopifyId: node.assignedLocation?.location?.legacyResourceId ?? null,
    lines: node.lineItems.nodes.map((line) => ({
      id: line.id,
      lineShopifyId: legacyId(line.lineItem.id),
      remainingQuantity: line.remainingQuantity,
    })),
  }));
}
