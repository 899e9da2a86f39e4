import type { MoneyBag, Order, OrderLine, Refund, RefundLine } from '../../domain/order.ts';
import { money } from '../../money/index.ts';

/**
 * Test builders with defaults (STYLE.md "Builders with defaults"): a paid, unfulfilled USD order
 * of one line, created 2025-03-01. Used by the sync and rules tests only.
 */
export function bag(minor: number, currency = 'USD'): MoneyBag {
  return { shop: money(minor, currency), presentment: money(minor, currency) };
}

export function aLine(overrides: Partial<OrderLine> = {}): OrderLine {
  const quantity = overrides.quantity ?? 1;
  return {
    shopifyId: '9001',
    sku: 'SB-TEE',
    title: 'Tee',
    variantTitle: null,
    quantity,
    currentQuantity: quantity,
    refundableQuantity: quantity,
    unfulfilledQuantity: quantity,
    unitPrice: bag(2500),
    discountAllocations: [],
    taxLines: [],
    taxable: true,
    requiresShipping: true,
    isGiftCard: false,
    ...overrides,
  };
}

export function aRefundLine(overrides: Partial<RefundLine> = {}): RefundLine {
  return {
    lineShopifyId: '9001',
    quantity: 1,
    restockType: 'cancel',
    restocked: true,
    locationShopifyId: null,
    price: bag(2500),
    subtotal: bag(2500),
    totalTax: bag(0),
    ...overrides,
  };
}

export function aRefund(overrides: Partial<Refund> = {}): Refund {
  return {
    shopifyId: '7001',
    createdAt: '2025-03-02T10:00:00Z',
    updatedAt: '2025-03-02T10:00:00Z',
    note: null,
    lines: [],
    shippingLines: [],
    adjustments: [],
    duties: [],
    transactions: [],
    totalRefunded: bag(0),
    returnShopifyId: null,
    ...overrides,
  };
}

export function anOrder(overrides: Partial<Order> = {}): Order {
  const zero = bag(0);
  return {
    shopifyId: '1001',
    name: '#1001',
    createdAt: '2025-03-01T10:00:00Z',
    updatedAt: '2025-03-01T10:00:00Z',
    processedAt: '2025-03-01T10:00:00Z',
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    test: false,
    sourceName: 'web',
    channel: 'Online Store',
    tags: [],
    customAttributes: [],
    note: null,
    email: 'ann@example.com',
    phone: null,
    customer: null,
    company: null,
    billingAddress: null,
    shippingAddress: null,
    shopCurrency: 'USD',
    presentmentCurrency: 'USD',
    taxesIncluded: false,
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    riskLevel: 'low',
    lines: [aLine()],
    shippingLines: [],
    transactions: [],
    fulfillmentOrders: [],
    fulfillments: [],
    refunds: [],
    returns: [],
    totals: {
      subtotal: bag(2500),
      totalDiscounts: zero,
      totalShipping: zero,
      totalTax: zero,
      totalTip: zero,
      totalPrice: bag(2500),
      currentTotalPrice: bag(2500),
      totalReceived: bag(2500),
      totalRefunded: zero,
      netPayment: bag(2500),
      totalOutstanding: zero,
    },
    ...overrides,
  };
}
