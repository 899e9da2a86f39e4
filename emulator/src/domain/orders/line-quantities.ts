import type { LineItem, Order } from '../model/order.ts';
import type { RestockType } from '../model/payments.ts';

export interface LineItemQuantities {
  /** quantity minus every refunded/removed unit (Shopify's current_quantity). */
  currentQuantity: number;
  refundedQuantity: number;
  /** Units a refund may still take: Shopify refunds at most currentQuantity. */
  refundableQuantity: number;
  fulfilledQuantity: number;
  fulfillableQuantity: number;
  unfulfilledQuantity: number;
  /** Fulfilled units not yet refunded with restock_type return. */
  returnableQuantity: number;
  /** Unfulfilled units still available to a `cancel` restock. */
  cancelableQuantity: number;
}

/**
 * seed 003: `cancel` decreases the fulfillable units, `return` and `no_restock` leave them
 * unchanged. Edits and cancellations always take units off the fulfillment.
 */
const reducesFulfillable: Readonly<Record<RestockType, boolean>> = {
  cancel: true,
  legacy_restock: true,
  return: false,
  no_restock: false,
};

export function lineItemQuantities(order: Order, line: LineItem): LineItemQuantities {
  const refundLines = order.refunds.flatMap((refund) =>
    refund.refundLineItems
      .filter((item) => item.lineItemId === line.id)
      .map((item) => ({ ...item, origin: refund.origin })),
  );
  const refundedQuantity = sum(refundLines.map((item) => item.quantity));
  const removedFromFulfillment = sum(
    refundLines
      .filter((item) => reducesFulfillable[item.restockType] || item.origin !== 'refund')
      .map((item) => item.quantity),
  );
  const returned = sum(
    refundLines.filter((item) => item.restockType === 'return').map((item) => item.quantity),
  );
  const fulfilledQuantity = fulfilledUnits(order, line.id);
  const currentQuantity = line.quantity - refundedQuantity;
  const fulfillableQuantity = Math.max(0, line.quantity - fulfilledQuantity - removedFromFulfillment);
  return {
    currentQuantity,
    refundedQuantity,
    refundableQuantity: Math.max(0, currentQuantity),
    fulfilledQuantity,
    fulfillableQuantity,
    unfulfilledQuantity: fulfillableQuantity,
    returnableQuantity: Math.max(0, fulfilledQuantity - returned),
    cancelableQuantity: Math.min(fulfillableQuantity, Math.max(0, currentQuantity)),
  };
}

/** Units in fulfillments that still count (a cancelled or failed fulfillment shipped nothing). */
export function fulfilledUnits(order: Order, lineItemId: number): number {
  return sum(
    order.fulfillments
      .filter((fulfillment) => ['success', 'open', 'pending'].includes(fulfillment.status))
      .flatMap((fulfillment) => fulfillment.lineItems)
      .filter((item) => item.lineItemId === lineItemId)
      .map((item) => item.quantity),
  );
}

export function findLineItem(order: Order, lineItemId: number): LineItem | undefined {
  return order.lineItems.find((line) => line.id === lineItemId);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
