import { formatShopTime, type Fulfillment, type Order, type ShopState } from './deps.ts';
import { restLineItem, restLineItemNested } from './line-item.ts';

/**
 * Shopify's recordings show three line item shapes: whole order line items inside an order's
 * fulfillments, trimmed ones in a fulfillment, plus fulfillment_line_item_id in lists.
 */
export type FulfillmentView = 'resource' | 'list' | 'in_order';
import { gid } from './money.ts';

/** REST fulfillment: line items are the order's line items with the shipped quantity. */
export function restFulfillment(
  state: ShopState,
  order: Order,
  fulfillment: Fulfillment,
  view: FulfillmentView = 'resource',
) {
  const first = fulfillment.tracking[0];
  const byLine = new Map<number, { quantity: number; id: number }>();
  for (const item of fulfillment.lineItems) {
    const seen = byLine.get(item.lineItemId);
    byLine.set(item.lineItemId, { quantity: (seen?.quantity ?? 0) + item.quantity, id: seen?.id ?? item.id });
  }
  return {
    id: fulfillment.id,
    order_id: order.id,
    status: fulfillment.status,
    created_at: formatShopTime(state, fulfillment.createdAt),
    service: fulfillment.service,
    updated_at: formatShopTime(state, fulfillment.updatedAt),
    tracking_company: first?.company ?? null,
    shipment_status: fulfillment.shipmentStatus,
    location_id: fulfillment.locationId,
    origin_address: null,
    line_items: [...byLine].map(([lineItemId, shipped]) => {
      const line = order.lineItems.find((candidate) => candidate.id === lineItemId)!;
      if (view === 'in_order') return { ...restLineItem(order, line), quantity: shipped.quantity };
      const item = { ...restLineItemNested(order, line), quantity: shipped.quantity };
      return view === 'list' ? { ...item, fulfillment_line_item_id: shipped.id } : item;
    }),
    tracking_number: first?.number ?? null,
    tracking_numbers: fulfillment.tracking
      .map((tracking) => tracking.number)
      .filter((number) => number !== null),
    tracking_url: first?.url ?? null,
    tracking_urls: fulfillment.tracking.map((tracking) => tracking.url).filter((url) => url !== null),
    receipt: {},
    name: fulfillment.name,
    admin_graphql_api_id: gid('Fulfillment', fulfillment.id),
  };
}
