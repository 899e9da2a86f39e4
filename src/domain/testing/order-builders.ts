import type { MoneyBag, Order, OrderLine, Refund, RefundLine, ShippingLine } from '../order.ts';
import { money } from '../../money/index.ts';

/**
 * Test builders with defaults (STYLE.md): a paid, unfulfilled USD order of one Tee at 25.00,
 * processed 2025-03-01 10:00 UTC. `withShopifyTotals` recomputes the order's totals the way
 * Shopify does (current amounts sliced pro rata by remaining units, tips, tax on top unless
 * included), independently of the rules under test.
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

export function aShippingLine(overrides: Partial<ShippingLine> = {}): ShippingLine {
  const price = overrides.price ?? bag(500);
  return {
    shopifyId: '8001',
    title: 'Standard',
    code: 'standard',
    source: 'shopify',
    price,
    discountedPrice: price,
    taxLines: [],
    isRemoved: false,
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
  const base: Order = {
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
    totals: emptyTotals('USD'),
    ...overrides,
  };
  return overrides.totals ? base : withShopifyTotals(base);
}

/**
 * The order after a Shopify refund (or an order edit, which Shopify records as a zero-amount
 * refund) took `quantity` units of a line: refund lines carry Shopify's pro rata slices.
 */
export function withRefundOf(
  order: Order,
  taken: { lineShopifyId: string; quantity: number }[],
  id = '7001',
): Order {
  const lines = order.lines.map((line) => {
    const take = taken.filter((t) => t.lineShopifyId === line.shopifyId).reduce((a, t) => a + t.quantity, 0);
    return take === 0
      ? line
      : {
          ...line,
          currentQuantity: line.currentQuantity - take,
          refundableQuantity: line.currentQuantity - take,
          unfulfilledQuantity: Math.max(0, line.unfulfilledQuantity - take),
        };
  });
  const refundLines = taken.map(({ lineShopifyId, quantity }) => {
    const line = order.lines.find((l) => l.shopifyId === lineShopifyId)!;
    const already = line.quantity - line.currentQuantity;
    const discounted =
      line.unitPrice.shop.minor * line.quantity -
      total(line.discountAllocations.map((a) => a.amount.shop.minor));
    const tax = total(line.taxLines.map((t) => t.amount.shop.minor));
    const slice = (amount: number) =>
      upTo(amount, line.quantity, already + quantity) - upTo(amount, line.quantity, already);
    return {
      lineShopifyId,
      quantity,
      restockType: 'cancel' as const,
      restocked: true,
      locationShopifyId: null,
      price: line.unitPrice,
      subtotal: bag(slice(discounted), order.shopCurrency),
      totalTax: bag(slice(tax), order.shopCurrency),
    };
  });
  const refunds = [...order.refunds, aRefund({ shopifyId: id, lines: refundLines })];
  return withShopifyTotals({ ...order, lines, refunds }, order.totals.totalTip.shop.minor);
}

/** Order totals as Shopify reports them, with `tip` in minor units. */
export function withShopifyTotals(order: Order, tip = 0): Order {
  const c = order.shopCurrency;
  const b = (minor: number) => bag(minor, c);
  const lineTotals = order.lines.map(currentLine);
  const shipping = order.shippingLines
    .filter((line) => !line.isRemoved)
    .map((line) => {
      const refunded = order.refunds
        .flatMap((r) => r.shippingLines)
        .filter((r) => r.shippingLineShopifyId === line.shopifyId);
      return {
        amount: line.discountedPrice.shop.minor - total(refunded.map((r) => r.subtotal.shop.minor)),
        tax:
          total(line.taxLines.map((t) => t.amount.shop.minor)) - total(refunded.map((r) => r.tax.shop.minor)),
      };
    });
  const subtotal = total(lineTotals.map((l) => l.discounted));
  const ship = total(shipping.map((s) => s.amount));
  const tax = total([...lineTotals.map((l) => l.tax), ...shipping.map((s) => s.tax)]);
  const current = subtotal + ship + tip + (order.taxesIncluded ? 0 : tax);
  return {
    ...order,
    totals: {
      ...emptyTotals(c),
      subtotal: b(subtotal),
      totalShipping: b(ship),
      totalTax: b(tax),
      totalTip: b(tip),
      totalPrice: b(current),
      currentTotalPrice: b(current),
      totalReceived: b(current),
      netPayment: b(current),
    },
  };
}

/**
 * The units still on a line carry the slice (refunded, quantity] of each line amount, rounded
 * cumulatively half up: Shopify's "pro rata by quantity" (the emulator's proRataSlice).
 */
function currentLine(line: OrderLine): { discounted: number; tax: number } {
  const refunded = line.quantity - line.currentQuantity;
  const discount = total(line.discountAllocations.map((a) => a.amount.shop.minor));
  const discounted = line.unitPrice.shop.minor * line.quantity - discount;
  const tax = total(line.taxLines.map((t) => t.amount.shop.minor));
  const slice = (amount: number) =>
    upTo(amount, line.quantity, line.quantity) - upTo(amount, line.quantity, refunded);
  return { discounted: slice(discounted), tax: slice(tax) };
}

export function upTo(amount: number, quantity: number, units: number): number {
  if (quantity === 0) return 0;
  const numerator = amount * units;
  const quotient = Math.floor(numerator / quantity);
  return (numerator - quotient * quantity) * 2 >= quantity ? quotient + 1 : quotient;
}

function total(values: readonly number[]): number {
  return values.reduce((a, v) => a + v, 0);
}

function emptyTotals(currency: string): Order['totals'] {
  const zero = bag(0, currency);
  return {
    subtotal: zero,
    totalDiscounts: zero,
    totalShipping: zero,
    totalTax: zero,
    totalTip: zero,
    totalPrice: zero,
    currentTotalPrice: zero,
    totalReceived: zero,
    totalRefunded: zero,
    netPayment: zero,
    totalOutstanding: zero,
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
