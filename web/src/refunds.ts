/** The preview route's answer (docs/agent-actions.md): Shopify's own calculation, decimal strings. */
export interface RefundPreview {
  currency: string;
  subtotal: string;
  discounts: string;
  tax: string;
  shipping: string;
  shippingRefundable: string;
  calculatedTotal: string;
  total: string;
  shopCurrency: string;
  shopTotal: string;
  maximumRefundable: string;
  lines: {
    lineShopifyId: string;
    sku: string | null;
    title: string;
    quantity: number;
    restock: string;
    locationShopifyId: string | null;
    price: string;
    subtotal: string;
    tax: string;
  }[];
}

export interface RefundChoice {
  quantities: Record<string, number>;
  restock: 'no_restock' | 'return' | 'cancel';
  location: string | null;
  refundShipping: boolean;
  shippingAmount: string;
  reason: string;
  manualAmount: string;
  discrepancyReason: string | null;
  notify: boolean;
}

export const restockLabels = {
  no_restock: 'Do not restock',
  return: 'Restock: the items came back',
  cancel: 'Restock: not shipped yet (cancel)',
} as const;

export const discrepancyReasons = ['restock', 'damage', 'customer', 'other'] as const;

/** The request body of refund-preview and refunds for the agent's choice. */
export function refundBody(choice: RefundChoice, currency: string): Record<string, unknown> {
  const lines = Object.entries(choice.quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([line, quantity]) => ({ line, quantity }));
  const body: Record<string, unknown> = { lines, restock: choice.restock, notify: choice.notify };
  if (choice.location && choice.restock !== 'no_restock') body.location = choice.location;
  if (choice.refundShipping) body.shipping = choice.shippingAmount.trim() || 'full';
  if (choice.reason.trim()) body.reason = choice.reason.trim();
  if (choice.manualAmount.trim()) {
    body.amount = choice.manualAmount.trim();
    body.currency = currency;
    if (choice.discrepancyReason) body.discrepancyReason = choice.discrepancyReason;
  }
  return body;
}

export function hasSomethingToRefund(choice: RefundChoice): boolean {
  return Object.values(choice.quantities).some((quantity) => quantity > 0) || choice.refundShipping;
}
