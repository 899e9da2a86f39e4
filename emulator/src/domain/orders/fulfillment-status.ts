import type { Order } from '../model/order.ts';
import { lineItemQuantities } from './line-quantities.ts';

export type RestFulfillmentStatus = null | 'partial' | 'fulfilled' | 'restocked';

/** REST order.fulfillment_status: null until something ships; "restocked" when all was restocked. */
export function fulfillmentStatus(order: Order): RestFulfillmentStatus {
  const quantities = order.lineItems.map((line) => lineItemQuantities(order, line));
  const fulfilled = quantities.reduce((total, line) => total + line.fulfilledQuantity, 0);
  const fulfillable = quantities.reduce((total, line) => total + line.fulfillableQuantity, 0);
  if (fulfilled === 0) {
    const allRestocked =
      order.lineItems.length > 0 &&
      quantities.every((line) => line.currentQuantity === 0) &&
      order.refunds.some((refund) => refund.restock);
    return allRestocked ? 'restocked' : null;
  }
  return fulfillable === 0 ? 'fulfilled' : 'partial';
}

/** GraphQL displayFulfillmentStatus. */
export function displayFulfillmentStatus(order: Order): string {
  const status = fulfillmentStatus(order);
  if (status === null) return 'UNFULFILLED';
  if (status === 'partial') return 'PARTIALLY_FULFILLED';
  return status.toUpperCase();
}

/** REST line_item.fulfillment_status. */
export function lineFulfillmentStatus(order: Order, lineItemId: number): null | 'partial' | 'fulfilled' {
  const line = order.lineItems.find((item) => item.id === lineItemId);
  if (!line) return null;
  const quantities = lineItemQuantities(order, line);
  if (quantities.fulfilledQuantity === 0) return null;
  return quantities.fulfillableQuantity === 0 ? 'fulfilled' : 'partial';
}
