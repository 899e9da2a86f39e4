import type {
  MoneyBag,
  Order,
  OrderLine,
  Refund,
  RefundLine,
  RefundShippingLine,
  RestockType,
  Transaction,
  TransactionStatus,
} from '../order.ts';
import { money } from '../../money/index.ts';
import { aRefund, bag, upTo, withShopifyTotals } from './order-builders.ts';

/**
 * Refund builders (STYLE.md: builders with defaults). `refundOf` asks for a refund the way a
 * merchant does in Shopify Admin (lines, restock type, shipping, amount) and returns what Shopify
 * records: refund lines with their pro rata slices of the line's discounted total and tax
 * (cumulative, half up, as the emulator does), refunded shipping, a refund_discrepancy adjustment
 * when less is paid back than calculated, and one refund transaction for the money.
 */
export function aTransaction(overrides: Partial<Transaction> = {}): Transaction {
  return {
    shopifyId: '5001',
    kind: 'sale',
    status: 'success',
    gateway: 'shopify_payments',
    amount: bag(2500),
    parentShopifyId: null,
    processedAt: '2025-03-01T10:00:00Z',
    paymentReference: 'pi_1001',
    test: false,
    ...overrides,
  };
}

/** The order as Shopify fulfilled and got paid for it: every line shipped from location 1. */
export function shipped(order: Order): Order {
  const lines = order.lines.map((line) => ({ ...line, unfulfilledQuantity: 0 }));
  const total = order.totals.currentTotalPrice;
  return {
    ...order,
    fulfillmentStatus: 'fulfilled',
    lines,
    fulfillments: [
      {
        shopifyId: '6001',
        status: 'success',
        createdAt: '2025-03-01T12:00:00Z',
        locationShopifyId: '1',
        trackingCompany: null,
        trackingNumber: null,
        trackingUrl: null,
        lines: lines.map((l) => ({ lineShopifyId: l.shopifyId, quantity: l.currentQuantity })),
      },
    ],
    transactions: [aTransaction({ amount: total })],
  };
}

/** An order paid in full but not shipped yet (Shopify "unfulfilled"). */
export function paid(order: Order): Order {
  return { ...order, transactions: [aTransaction({ amount: order.totals.currentTotalPrice })] };
}

export interface RefundRequest {
  id?: string;
  createdAt?: string;
  lines?: { line: string; quantity: number; restock?: RestockType; location?: string | null }[];
  /** Shipping lines refunded in full unless an amount (and its tax) is given, in minor units. */
  shipping?: { line: string; amount?: number; tax?: number }[];
  duties?: number[];
  /** Money paid back, in minor units. Default: what Shopify calculates. */
  refunded?: number;
  /** Default "success": one transaction for the money (none when the money is zero). */
  status?: TransactionStatus;
  gateway?: string;
  /** Replaces the default transaction. */
  transactions?: Transaction[];
  returnId?: string | null;
  note?: string | null;
  discrepancyReason?: string;
  /** The value of exchange items the returned ones pay for: Shopify suggests that much less. */
  exchangeCredit?: number;
}

export function refundOf(order: Order, request: RefundRequest = {}): Refund {
  const c = order.shopCurrency;
  const lines = (request.lines ?? []).map((wanted) => refundLine(order, wanted));
  const shippingLines = (request.shipping ?? []).map((wanted) => refundShipping(order, wanted));
  const duties = (request.duties ?? []).map((minor, i) => ({
    dutyShopifyId: String(4001 + i),
    amount: bag(minor, c),
  }));
  const sumOf = (values: MoneyBag[]) => values.reduce((a, v) => a + v.shop.minor, 0);
  const tax = sumOf(lines.map((l) => l.totalTax)) + sumOf(shippingLines.map((l) => l.tax));
  const value =
    sumOf(lines.map((l) => l.subtotal)) +
    sumOf(shippingLines.map((l) => l.subtotal)) +
    sumOf(duties.map((d) => d.amount)) +
    (order.taxesIncluded ? 0 : tax);
  const calculated = Math.max(0, value - (request.exchangeCredit ?? 0));
  const refunded = request.refunded ?? calculated;
  const status = request.status ?? 'success';
  const transactions =
    request.transactions ??
    (refunded === 0
      ? []
      : [
          aTransaction({
            shopifyId: `${request.id ?? '7001'}1`,
            kind: 'refund',
            status,
            gateway: request.gateway ?? 'shopify_payments',
            amount: bag(refunded, c),
            parentShopifyId: order.transactions[0]?.shopifyId ?? null,
            processedAt: request.createdAt ?? '2025-03-05T10:00:00Z',
            paymentReference: `re_${request.id ?? '7001'}`,
          }),
        ]);
  const settled = transactions.filter((t) => t.kind === 'refund' && t.status === 'success');
  return aRefund({
    shopifyId: request.id ?? '7001',
    createdAt: request.createdAt ?? '2025-03-05T10:00:00Z',
    updatedAt: request.createdAt ?? '2025-03-05T10:00:00Z',
    note: request.note ?? null,
    lines,
    shippingLines,
    adjustments:
      refunded !== calculated && lines.length > 0
        ? [
            {
              shopifyId: '3001',
              reason: request.discrepancyReason ?? 'refund_discrepancy',
              amount: bag(calculated - refunded, c),
              taxAmount: bag(0, c),
            },
          ]
        : [],
    duties,
    transactions,
    totalRefunded: bag(
      settled.reduce((a, t) => a + t.amount.shop.minor, 0),
      c,
    ),
    returnShopifyId: request.returnId ?? null,
  });
}

function refundLine(
  order: Order,
  wanted: { line: string; quantity: number; restock?: RestockType; location?: string | null },
): RefundLine {
  const line = order.lines.find((l) => l.shopifyId === wanted.line);
  if (!line) throw new Error(`refundOf: no line ${wanted.line} on order ${order.name}`);
  const restockType = wanted.restock ?? 'return';
  const already = line.quantity - line.currentQuantity;
  const discounted =
    line.unitPrice.shop.minor * line.quantity -
    line.discountAllocations.reduce((a, d) => a + d.amount.shop.minor, 0);
  const tax = line.taxLines.reduce((a, t) => a + t.amount.shop.minor, 0);
  const slice = (amount: number) =>
    upTo(amount, line.quantity, already + wanted.quantity) - upTo(amount, line.quantity, already);
  return {
    lineShopifyId: line.shopifyId,
    quantity: wanted.quantity,
    restockType,
    restocked: restockType !== 'no_restock',
    locationShopifyId:
      restockType === 'no_restock' ? null : wanted.location === undefined ? '1' : wanted.location,
    price: line.unitPrice,
    subtotal: bag(slice(discounted), order.shopCurrency),
    totalTax: bag(slice(tax), order.shopCurrency),
  };
}

function refundShipping(
  order: Order,
  wanted: { line: string; amount?: number; tax?: number },
): RefundShippingLine {
  const line = order.shippingLines.find((l) => l.shopifyId === wanted.line);
  if (!line) throw new Error(`refundOf: no shipping line ${wanted.line} on order ${order.name}`);
  const tax = line.taxLines.reduce((a, t) => a + t.amount.shop.minor, 0);
  return {
    shippingLineShopifyId: line.shopifyId,
    subtotal: bag(wanted.amount ?? line.discountedPrice.shop.minor, order.shopCurrency),
    tax: bag(wanted.tax ?? (wanted.amount === undefined ? tax : 0), order.shopCurrency),
  };
}

/** The order after the refund, as Shopify shows it: the refund listed, refunded units off the lines. */
export function withRefund(order: Order, refund: Refund): Order {
  const lines: OrderLine[] = order.lines.map((line) => {
    const taken = refund.lines
      .filter((r) => r.lineShopifyId === line.shopifyId)
      .reduce((a, r) => a + r.quantity, 0);
    return taken === 0
      ? line
      : {
          ...line,
          currentQuantity: line.currentQuantity - taken,
          refundableQuantity: line.currentQuantity - taken,
        };
  });
  return withShopifyTotals(
    { ...order, lines, refunds: [...order.refunds, refund] },
    order.totals.totalTip.shop.minor,
  );
}

/**
 * The same data as a buyer paying in another currency sees it: every presentment amount
 * converted at `rate` percent and in `currency`, shop amounts untouched. Rules that read only
 * shop money give the same documents for both.
 */
export function inPresentment<T>(value: T, currency: string, ratePercent: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => inPresentment(v, currency, ratePercent)) as T;
  if (value === null || typeof value !== 'object') return value;
  if ('shop' in value && 'presentment' in value) {
    const shop = (value as MoneyBag).shop;
    return { shop, presentment: money(Math.round((shop.minor * ratePercent) / 100), currency) } as T;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) copy[key] = inPresentment(v, currency, ratePercent);
  return { ...copy, ...('presentmentCurrency' in value ? { presentmentCurrency: currency } : {}) } as T;
}
