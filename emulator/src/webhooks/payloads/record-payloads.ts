import type { Order, ShopState } from '../../domain/index.ts';
import { restAddress } from '../../rest/serialize/address.ts';
import { restFulfillment } from '../../rest/serialize/fulfillment.ts';
import { restInventoryLevel } from '../../rest/serialize/location.ts';
import { restRefund } from '../../rest/serialize/refund.ts';
import { restTransaction } from '../../rest/serialize/transaction.ts';

/** refunds/create: the REST refund as `GET refunds/{id}.json` shows it. */
export function refundPayload(state: ShopState, order: Order, refundId: number) {
  const refund = order.refunds.find((candidate) => candidate.id === refundId);
  return refund ? restRefund(state, order, refund) : null;
}

/**
 * order_transactions/create: the REST transaction. Shopify's payload always has
 * `payment_details` (null for gateways without a card, metadatas/2025-10/order_transactions/create.json).
 */
export function transactionPayload(state: ShopState, order: Order, transactionId: number) {
  const transaction = order.transactions.find((candidate) => candidate.id === transactionId);
  if (!transaction) return null;
  return { payment_details: null, ...restTransaction(state, order, transaction) };
}

/** fulfillments/create|update: the REST fulfillment plus the order's `destination` and `email`. */
export function fulfillmentPayload(state: ShopState, order: Order, fulfillmentId: number) {
  const fulfillment = order.fulfillments.find((candidate) => candidate.id === fulfillmentId);
  if (!fulfillment) return null;
  return {
    ...restFulfillment(state, order, fulfillment),
    destination: restAddress(order.shippingAddress),
    email: order.email,
  };
}

/** inventory_levels/update: the REST inventory level. */
export function inventoryLevelPayload(state: ShopState, inventoryItemId: number, locationId: number) {
  const level = state.data.inventoryLevels.find(
    (candidate) => candidate.inventoryItemId === inventoryItemId && candidate.locationId === locationId,
  );
  return level ? restInventoryLevel(state, level) : null;
}
