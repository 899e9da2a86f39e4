import type { LineItem, Order } from '../model/order.ts';
import { addVariantLines } from '../orders/add-variant-lines.ts';
import { lineItemQuantities } from '../orders/line-quantities.ts';
import { createRefund } from '../refunds/create-refund.ts';
import type { ShopState } from '../state.ts';
import { increaseLineQuantity } from './increase-line-quantity.ts';
import { getOrderEdit } from './order-edit.ts';

/**
 * orderEditCommit. Removed units become a refund with no transactions (seed 002: "A Shopify
 * refund with zero amount is imported that can't be converted to a credit memo"); added units
 * raise their line (increase-line-quantity.ts); added variants become new line items with their
 * own fulfillment orders. "If an edit changes the total order value, then the customer might
 * need to pay a balance or receive a refund" (orderEditCommit doc): totalOutstanding follows.
 */
export function orderEditCommit(
  state: ShopState,
  sessionId: number,
  options: { notifyCustomer?: boolean; staffNote?: string | null } = {},
): Order {
  const { session, order } = getOrderEdit(state, sessionId);
  const changes = session.quantityChanges.map((change) => {
    const line = order.lineItems.find((candidate) => candidate.id === change.lineItemId)!;
    return { change, line, delta: change.quantity - lineItemQuantities(order, line).currentQuantity };
  });
  const removals = changes
    .filter(({ delta }) => delta < 0)
    .map(({ change, delta }) => ({
      lineItemId: change.lineItemId,
      quantity: -delta,
      restockType: change.restock ? ('cancel' as const) : ('no_restock' as const),
    }));
  if (removals.length > 0) {
    createRefund(
      state,
      order.id,
      { refundLineItems: removals, note: options.staffNote ?? null },
      { origin: 'order_edit', suggestLocations: true },
    );
  }
  for (const { line, delta } of changes) if (delta > 0) increaseLineQuantity(state, order, line, delta);
  addVariantLines(
    state,
    order,
    session.addedVariants.map((staged) => ({
      id: staged.calculatedLineItemId,
      variantId: staged.variantId,
      quantity: staged.quantity,
    })),
    session.addedVariants[0]?.locationId ?? null,
    markAddedByEdit,
  );
  session.committed = true;
  order.financialStatusOverride = null;
  order.updatedAt = state.now();
  return order;
}

function markAddedByEdit(line: LineItem): void {
  line.addedByEdit = true;
}
