import type { MoneyBag } from '../../domain/order.ts';
import { allocate, formatMoney, money, type Money } from '../../money/index.ts';
import { ValidationError, type ValidationIssue } from '../../shared/errors.ts';
import type { RefundToCreate, SuggestedRefund } from '../../shopify/index.ts';
import type { ResolvedRefund } from './refund-choice.ts';

/**
 * The preview an agent sees before refunding (issue 8 item 2 step 1, seed 001 "Summary"):
 * Shopify's calculation in the presentment currency, the money the customer paid and gets back
 * (seed 003: refunds are made in it). Shop-currency amounts are never mixed into it; the total in
 * the shop's currency is given on its own.
 */
export interface RefundPreview {
  shopifyOrderId: string;
  /** Always 'presentment': every amount below is in `currency`, the customer's currency. */
  money: 'presentment';
  currency: string;
  subtotal: Money;
  discounts: Money;
  tax: Money;
  shipping: Money;
  shippingRefundable: Money;
  /** Shopify's calculated total. */
  calculatedTotal: Money;
  /** What will be refunded: the calculated total, or the agent's manual total. */
  total: Money;
  /** The total in the shop's currency, as Shopify converts it (calculated total only). */
  shopTotal: Money;
  maximumRefundable: Money;
  /** Per payment: how much goes back to it and the most it can take (Shopify's suggested transactions). */
  payments: { gateway: string; parentShopifyId: string | null; amount: Money; maximumRefundable: Money }[];
  lines: {
    lineShopifyId: string;
    sku: string | null;
    title: string;
    quantity: number;
    restock: string;
    locationShopifyId: string | null;
    price: Money;
    subtotal: Money;
    tax: Money;
  }[];
}

const p = (bag: MoneyBag): Money => bag.presentment;

/**
 * Puts Shopify's calculation and the agent's amounts together, refusing what Shopify's own numbers
 * say cannot be refunded (shipping above refundable, manual total above the maximum). Pure.
 */
export function planRefund(resolved: ResolvedRefund, suggested: SuggestedRefund): RefundPreview {
  const issues: ValidationIssue[] = [];
  const currency = resolved.currency;
  const maximum = p(suggested.maximumRefundable);
  if (
    resolved.shippingAmount &&
    resolved.shippingAmount.minor > p(suggested.shipping.maximumRefundable).minor
  )
    issues.push({
      path: 'shipping',
      message: `${formatMoney(resolved.shippingAmount)} ${currency} is more than the ${formatMoney(p(suggested.shipping.maximumRefundable))} ${currency} shipping still refundable`,
    });
  if (resolved.manualTotal && resolved.manualTotal.minor > maximum.minor)
    issues.push({
      path: 'amount',
      message: `${formatMoney(resolved.manualTotal)} ${currency} is more than the ${formatMoney(maximum)} ${currency} still refundable on the order's payments`,
    });
  if (issues.length > 0)
    throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  const calculated = p(suggested.amount);
  return {
    shopifyOrderId: resolved.choice.shopifyOrderId,
    money: 'presentment',
    currency,
    subtotal: p(suggested.subtotal),
    discounts: money(p(suggested.subtotal).minor - p(suggested.discountedSubtotal).minor, currency),
    tax: p(suggested.totalTax),
    shipping: p(suggested.shipping.amount),
    shippingRefundable: p(suggested.shipping.maximumRefundable),
    calculatedTotal: calculated,
    total: resolved.manualTotal ?? calculated,
    shopTotal: suggested.amount.shop,
    maximumRefundable: maximum,
    payments: paymentsFor(resolved.manualTotal, suggested),
    lines: suggested.lines.map((line) => ({
      lineShopifyId: line.lineShopifyId,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      restock: line.restock,
      locationShopifyId: line.locationShopifyId,
      price: p(line.price),
      subtotal: p(line.subtotal),
      tax: p(line.totalTax),
    })),
  };
}

/**
 * Shopify's suggested transactions, or the manual total split over the same payments with the one
 * allocate(): in proportion to the suggestion when it is not more, else to what each payment can
 * still take back, so no payment is asked for more than its maximum.
 */
function paymentsFor(manualTotal: Money | null, suggested: SuggestedRefund): RefundPreview['payments'] {
  const payments = suggested.transactions.map((t) => ({
    gateway: t.gateway,
    parentShopifyId: t.parentShopifyId,
    amount: p(t.amount),
    maximumRefundable: p(t.maximumRefundable),
  }));
  if (!manualTotal || payments.length === 0) return payments;
  const suggestedTotal = payments.reduce((total, t) => total + t.amount.minor, 0);
  const weights = payments.map((t) =>
    manualTotal.minor <= suggestedTotal && suggestedTotal > 0 ? t.amount.minor : t.maximumRefundable.minor,
  );
  const parts = allocate(manualTotal, weights);
  return payments.map((t, index) => ({ ...t, amount: parts[index]! }));
}

/** refundCreate's input from the preview (seed 003: the calculation becomes the refund). */
export function refundToCreate(resolved: ResolvedRefund, preview: RefundPreview): RefundToCreate {
  const manual =
    resolved.manualTotal !== null && resolved.manualTotal.minor !== preview.calculatedTotal.minor;
  return {
    shopifyOrderId: preview.shopifyOrderId,
    currency: preview.currency,
    // Shopify's locations for restocked lines (it picks one when the agent gave none).
    lines: preview.lines.map((line) => ({
      lineShopifyId: line.lineShopifyId,
      quantity: line.quantity,
      restock: line.restock as RefundToCreate['lines'][number]['restock'],
      ...(line.locationShopifyId && line.restock !== 'no_restock'
        ? { locationShopifyId: line.locationShopifyId }
        : {}),
    })),
    shipping:
      resolved.choice.shipping === 'full' || resolved.shippingAmount
        ? { amount: formatMoney(preview.shipping) }
        : null,
    transactions: refundTransactions(preview),
    note: resolved.note,
    notify: resolved.notify,
    discrepancyReason: manual ? resolved.discrepancyReason : null,
  };
}

/** The preview's payments that get money back, as refundCreate's transactions (a zero one is left out). */
export function refundTransactions(preview: RefundPreview): RefundToCreate['transactions'] {
  return preview.payments
    .filter((payment) => payment.amount.minor > 0)
    .map((payment) => ({
      parentShopifyId: payment.parentShopifyId,
      gateway: payment.gateway,
      amount: formatMoney(payment.amount),
    }));
}
