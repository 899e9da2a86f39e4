import {
  calculateRefund,
  createFulfillment,
  createRefund,
  createTransaction,
  formatMinor,
  getOrder,
  lineItemQuantities,
  maximumRefundable,
  orderTotals,
  type Order,
  type RefundInput,
  type RefundLineItemInput,
  type RestockType,
  type ShopState,
} from '../domain/index.ts';

/**
 * The merchant's actions on an order, each through one domain command (the code path the API
 * uses). Amounts follow Shopify's refund calculation, as an app using `suggestedRefund` would.
 */

/** Ships every remaining unit (or `units` of the first line), with tracking. */
export function fulfil(state: ShopState, orderId: number, units?: number): void {
  const order = getOrder(state, orderId);
  const open = order.fulfillmentOrders.filter(
    (fo) =>
      (fo.status === 'open' || fo.status === 'in_progress') &&
      fo.lineItems.some((l) => l.fulfillableQuantity > 0),
  );
  if (open.length === 0) return;
  const firstLine = order.lineItems[0]!.id;
  const lineItemsByFulfillmentOrder = open
    .map((fo) => ({
      fulfillmentOrderId: fo.id,
      fulfillmentOrderLineItems:
        units === undefined
          ? undefined
          : fo.lineItems
              .filter((line) => line.lineItemId === firstLine && line.fulfillableQuantity > 0)
              .map((line) => ({ id: line.id, quantity: Math.min(units, line.fulfillableQuantity) })),
    }))
    .filter(
      (entry) => entry.fulfillmentOrderLineItems === undefined || entry.fulfillmentOrderLineItems.length > 0,
    );
  if (lineItemsByFulfillmentOrder.length === 0) return;
  createFulfillment(state, {
    lineItemsByFulfillmentOrder,
    trackingInfo: { company: 'UPS', number: `1Z${String(orderId).padStart(16, '0')}` },
    notifyCustomer: true,
  });
}

/** Captures what is left of the authorization. */
export function capture(state: ShopState, orderId: number): void {
  createTransaction(state, orderId, { kind: 'capture' });
}

export interface RefundPlan {
  restockType?: RestockType;
  /** Units of the first refundable line (Default: 1); 0 refunds no line. */
  units?: number;
  shipping?: boolean;
  /** 'suggested' pays back what Shopify suggests; 'none' moves no money; 'short' 1.00 less. */
  money: 'suggested' | 'none' | 'short';
  pending?: boolean;
  returnId?: number;
  lines?: RefundLineItemInput[];
}

/** A refund of lines and/or shipping, with the money Shopify's calculation suggests. */
export function refund(state: ShopState, orderId: number, plan: RefundPlan): void {
  const order = getOrder(state, orderId);
  const lines = plan.lines ?? firstLineRefund(order, plan.units ?? 1, plan.restockType ?? 'no_restock');
  const input: RefundInput = {
    refundLineItems: lines,
    shipping: plan.shipping ? { fullRefund: true } : undefined,
    returnId: plan.returnId ?? null,
    note: plan.money === 'short' ? 'Damaged on arrival, partial goodwill' : null,
    discrepancyReason: plan.money === 'short' ? 'damage' : null,
  };
  const calculation = calculateRefund(state, orderId, input);
  let shortBy = plan.money === 'short' ? 100 : 0;
  const transactions =
    plan.money === 'none'
      ? []
      : calculation.suggestedTransactions.map((suggested) => {
          const amount = Math.max(0, suggested.amount.presentment - shortBy);
          shortBy = 0;
          return {
            parentId: suggested.parentId,
            amount: formatMinor(amount, order.presentmentCurrency),
            kind: 'refund',
            gateway: suggested.gateway,
            status: plan.pending ? ('pending' as const) : ('success' as const),
          };
        });
  createRefund(state, orderId, { ...input, transactions });
}

/** A goodwill refund of money only (no lines), from the main payment. */
export function refundAmount(state: ShopState, orderId: number, minor: number): void {
  const order = getOrder(state, orderId);
  const parent = order.transactions.find(
    (t) => (t.kind === 'sale' || t.kind === 'capture') && t.status === 'success' && t.gateway !== 'gift_card',
  );
  if (!parent) return;
  const amount = Math.min(minor, maximumRefundable(order, parent).presentment);
  if (amount <= 0) return;
  createRefund(state, orderId, {
    note: 'Goodwill',
    transactions: [
      {
        parentId: parent.id,
        amount: formatMinor(amount, order.presentmentCurrency),
        kind: 'refund',
        gateway: parent.gateway,
      },
    ],
  });
}

/** After an edit: refund a credit or collect what is now due, as the merchant would. */
export function settleBalance(state: ShopState, orderId: number): void {
  const order = getOrder(state, orderId);
  const outstanding = orderTotals(order).totalOutstanding.presentment;
  if (outstanding < 0) refundAmount(state, orderId, -outstanding);
  if (outstanding > 0) {
    createTransaction(state, orderId, {
      kind: 'sale',
      gateway: 'shopify_payments',
      amount: formatMinor(outstanding, order.presentmentCurrency),
      currency: order.presentmentCurrency,
    });
  }
}

function firstLineRefund(order: Order, units: number, restockType: RestockType): RefundLineItemInput[] {
  if (units === 0) return [];
  const line = order.lineItems.find((candidate) => {
    const quantities = lineItemQuantities(order, candidate);
    const available =
      restockType === 'cancel' ? quantities.unfulfilledQuantity : quantities.refundableQuantity;
    return !candidate.giftCard && available >= units;
  });
  return line ? [{ lineItemId: line.id, quantity: units, restockType }] : [];
}
