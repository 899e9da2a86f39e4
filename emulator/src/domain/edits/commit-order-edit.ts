import { inventoryMoves, moveItemAt } from '../catalog/inventory.ts';
import { openFulfillmentOrders } from '../fulfillments/fulfillment-orders.ts';
import type { LineItem, Order } from '../model/order.ts';
import { buildLineItem } from '../orders/build-line-items.ts';
import { taxOn } from '../orders/build-taxes.ts';
import { orderCurrencies } from '../orders/currencies.ts';
import { lineItemQuantities } from '../orders/line-quantities.ts';
import { bagFromPresentment } from '../money/bag.ts';
import { createRefund } from '../refunds/create-refund.ts';
import type { ShopState } from '../state.ts';
import { getOrderEdit } from './order-edit.ts';

/**
 * orderEditCommit. Removed units become a refund with no transactions (seed 002: "A Shopify
 * refund with zero amount is imported that can't be converted to a credit memo"); added
 * variants become new line items with their own fulfillment orders.
 */
export function orderEditCommit(
  state: ShopState,
  sessionId: number,
  options: { notifyCustomer?: boolean; staffNote?: string | null } = {},
): Order {
  const { session, order } = getOrderEdit(state, sessionId);
  const removals = session.quantityChanges.map((change) => {
    const line = order.lineItems.find((candidate) => candidate.id === change.lineItemId)!;
    return {
      lineItemId: change.lineItemId,
      quantity: lineItemQuantities(order, line).currentQuantity - change.quantity,
      restockType: change.restock ? ('cancel' as const) : ('no_restock' as const),
    };
  });
  if (removals.length > 0) {
    createRefund(
      state,
      order.id,
      { refundLineItems: removals, note: options.staffNote ?? null },
      { origin: 'order_edit', suggestLocations: true },
    );
  }
  const added = session.addedVariants.map((variant) => addLine(state, order, variant));
  openFulfillmentOrders(state, order, added, session.addedVariants[0]?.locationId ?? null);
  if (order.inventoryBehaviour !== 'bypass') commitAdded(state, order, added);
  session.committed = true;
  order.financialStatusOverride = null;
  order.updatedAt = state.now();
  return order;
}

/** New units are taxed at the rates already charged on the order (first taxed line). */
function addLine(
  state: ShopState,
  order: Order,
  staged: { calculatedLineItemId: number; variantId: number; quantity: number },
): LineItem {
  const currencies = orderCurrencies(order);
  const line = buildLineItem(
    state,
    { id: staged.calculatedLineItemId, variant_id: staged.variantId, quantity: staged.quantity },
    order.lineItems.length,
    currencies,
    true,
  );
  line.addedByEdit = true;
  const rates = order.lineItems.find((candidate) => candidate.taxLines.length > 0)?.taxLines ?? [];
  if (line.taxable && !order.taxExempt) {
    const base = line.price.presentment * line.quantity;
    line.taxLines = rates.map((rate) => ({
      title: rate.title,
      rate: rate.rate,
      price: bagFromPresentment(taxOn(base, rate.rate, order.taxesIncluded), currencies),
      channelLiable: rate.channelLiable,
    }));
  }
  order.lineItems.push(line);
  return line;
}

function commitAdded(state: ShopState, order: Order, lines: LineItem[]): void {
  for (const line of lines) {
    const fulfillmentOrder = order.fulfillmentOrders.find((candidate) =>
      candidate.lineItems.some((item) => item.lineItemId === line.id),
    );
    moveItemAt(
      state,
      line.inventoryItemId,
      fulfillmentOrder?.assignedLocationId ?? null,
      inventoryMoves.commit(line.quantity),
    );
  }
}
