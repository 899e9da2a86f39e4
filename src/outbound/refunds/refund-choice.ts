import type { Order } from '../../domain/order.ts';
import { formatMoney, money, parseMoney, type Money } from '../../money/index.ts';
import { ValidationError, type ValidationIssue } from '../../shared/errors.ts';
import type { DiscrepancyReason, RefundChoice, RestockChoice } from '../../shopify/index.ts';

export const restockChoices = ['return', 'cancel', 'no_restock'] as const;
export const discrepancyReasons = ['restock', 'damage', 'customer', 'other'] as const;

/**
 * An agent's refund as typed in the CLI or posted to the API (issue 8 item 2, seed 001 "Refunding
 * all or part of an order"). Money as decimal strings in the order's presentment currency (the
 * currency the customer paid in, in which Shopify refunds: seed 003).
 */
export interface RefundRequest {
  /** A line item id or a SKU, and how many units (`--line <id|sku>:<qty>`). */
  lines?: { line: string; quantity: number }[] | undefined;
  /** Every refundable unit and all remaining shipping (`--all`). */
  all?: boolean | undefined;
  /** Default: no_restock (seed 001: "Restock Items" is an option the agent ticks). */
  restock?: RestockChoice | undefined;
  /** Where returned or cancelled units go back to stock (Default: the location Shopify suggests). */
  location?: string | undefined;
  /** 'full', or an amount up to the refundable shipping. Default: no shipping refunded. */
  shipping?: string | undefined;
  /** Kept as the refund's note, visible to staff only (seed 001 "Reason for Refund"). */
  reason?: string | undefined;
  /** A manual total that overrides the calculated amount (seed 001 "Manual"). */
  amount?: string | undefined;
  /** Why the manual total differs (seed 003 discrepancy_reason). Default: other. */
  discrepancyReason?: DiscrepancyReason | undefined;
  /** The currency of `amount` and `shipping`; required on an order paid in another currency than the shop's (seed 003). */
  currency?: string | undefined;
  notify?: boolean | undefined;
  idempotencyKey?: string | undefined;
}

/** The request checked against the order: Shopify's terms, amounts in minor units. */
export interface ResolvedRefund {
  choice: RefundChoice;
  currency: string;
  shippingAmount: Money | null;
  manualTotal: Money | null;
  note: string | null;
  notify: boolean;
  discrepancyReason: DiscrepancyReason;
}

const noteLimit = 255;

/**
 * Checks the agent's refund against the order as Shopify has it now and names the field of every
 * problem at once (unknown line, quantity above refundable, amount with no currency ...). Pure.
 */
export function resolveRefund(order: Order, request: RefundRequest): ResolvedRefund {
  const issues: ValidationIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  const currency = order.presentmentCurrency;
  const lines = request.lines ?? [];
  if (request.all && lines.length > 0) problem('lines', 'give either lines or all, not both');
  if (!request.all && lines.length === 0 && request.shipping === undefined && request.amount === undefined)
    problem('lines', 'nothing to refund: give lines (id or SKU with a quantity), all, or shipping');
  const restock = request.restock ?? 'no_restock';
  if (!restockChoices.includes(restock))
    problem('restock', `"${restock}" is not one of ${restockChoices.join(', ')}`);
  if (request.location !== undefined && restock === 'no_restock')
    problem('location', 'a location is only for restock return or cancel');
  if (
    request.location !== undefined &&
    !/^[0-9]+$|^gid:\/\/shopify\/Location\/[0-9]+$/.test(request.location)
  )
    problem('location', `"${request.location}" is not a location id`);
  const location = request.location?.replace(/^gid:\/\/shopify\/Location\//, '');

  const wanted = new Map<string, number>();
  lines.forEach((entry, index) => {
    const path = `lines.${index}`;
    if (!Number.isSafeInteger(entry.quantity) || entry.quantity < 1) {
      problem(`${path}.quantity`, `${entry.quantity} is not a whole quantity of at least 1`);
      return;
    }
    const line = findLine(order, entry.line);
    if (line === 'ambiguous') {
      problem(
        `${path}.line`,
        `SKU "${entry.line}" is on several lines of order ${order.name}: give the line item id`,
      );
      return;
    }
    if (!line) {
      problem(`${path}.line`, `"${entry.line}" is not a line item id or SKU of order ${order.name}`);
      return;
    }
    const total = (wanted.get(line.shopifyId) ?? 0) + entry.quantity;
    if (total > line.refundableQuantity)
      problem(
        `${path}.quantity`,
        `${total} of "${line.sku ?? line.title}" (line ${line.shopifyId}) is more than the ${line.refundableQuantity} still refundable`,
      );
    wanted.set(line.shopifyId, total);
  });

  const multiCurrency = order.shopCurrency !== order.presentmentCurrency;
  if (request.currency !== undefined && request.currency !== currency)
    problem(
      'currency',
      `"${request.currency}" is not the order's currency ${currency} (refunds are made in it)`,
    );
  const needsCurrency = multiCurrency && request.currency === undefined;
  const amountOf = (field: 'shipping' | 'amount', text: string): Money | null => {
    if (needsCurrency) {
      problem(
        'currency',
        `${field}: an amount on an order paid in ${currency} (shop currency ${order.shopCurrency}) needs currency ${currency}`,
      );
      return null;
    }
    try {
      const value = parseMoney(text, currency, field);
      if (value.minor < 0) problem(field, `"${text}" is negative`);
      return value;
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues);
      return null;
    }
  };
  const shippingAmount =
    request.shipping === undefined || request.shipping === 'full'
      ? null
      : amountOf('shipping', request.shipping);
  if (shippingAmount && shippingAmount.minor > refundableShipping(order))
    problem(
      'shipping',
      `${request.shipping} ${currency} is more than the ${formatMoney(money(refundableShipping(order), currency))} ${currency} shipping still refundable`,
    );
  const manualTotal = request.amount === undefined ? null : amountOf('amount', request.amount);
  if ((request.reason ?? '').length > noteLimit) problem('reason', `at most ${noteLimit} characters`);
  const discrepancyReason = request.discrepancyReason ?? 'other';
  if (!discrepancyReasons.includes(discrepancyReason))
    problem('discrepancyReason', `"${discrepancyReason}" is not one of ${discrepancyReasons.join(', ')}`);
  if (order.cancelledAt !== null && !request.all && lines.length > 0 && restock === 'cancel')
    problem('restock', `order ${order.name} is cancelled: nothing left to cancel`);

  if (request.all)
    for (const line of order.lines)
      if (line.refundableQuantity > 0) wanted.set(line.shopifyId, line.refundableQuantity);
  if (issues.length > 0)
    throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  return {
    choice: {
      shopifyOrderId: order.shopifyId,
      lines: [...wanted].map(([lineShopifyId, quantity]) => ({
        lineShopifyId,
        quantity,
        restock,
        ...(location ? { locationShopifyId: location } : {}),
      })),
      shipping:
        request.shipping === 'full' || request.all
          ? 'full'
          : shippingAmount
            ? { amount: request.shipping! }
            : null,
    },
    currency,
    shippingAmount,
    manualTotal,
    note: request.reason?.trim() || null,
    notify: request.notify ?? false,
    discrepancyReason,
  };
}

/** A line by its id (numeric or GID) or, failing that, by its SKU. */
function findLine(order: Order, ref: string) {
  const id = ref.replace(/^gid:\/\/shopify\/LineItem\//, '');
  const byId = order.lines.find((line) => line.shopifyId === id);
  if (byId) return byId;
  const bySku = order.lines.filter((line) => line.sku !== null && line.sku === ref);
  if (bySku.length > 1) return 'ambiguous';
  return bySku[0] ?? null;
}

/** Shipping charged less shipping already refunded, in the presentment currency (minor units). */
function refundableShipping(order: Order): number {
  const charged = order.shippingLines
    .filter((line) => !line.isRemoved)
    .reduce((total, line) => total + line.discountedPrice.presentment.minor, 0);
  const refunded = order.refunds
    .flatMap((refund) => refund.shippingLines)
    .reduce((total, line) => total + line.subtotal.presentment.minor, 0);
  return Math.max(0, charged - refunded);
}
