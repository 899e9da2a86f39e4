import type { Order, OrderLine, Refund, RefundLine, ShippingLine } from '../domain/order.ts';
import { allocate, negate, subtract, sum, times, zero, type Money } from '../money/index.ts';
import type { RefundLineReason, RefundProblem } from './refund-decision.ts';
import { currentAmounts } from './sales-document.ts';

/**
 * What one refund holds, before any document is chosen: one part per refunded line, shipping
 * line, duty and exchange item, with Shopify's own figures in the shop's money (seed 003
 * `subtotal_set` / `total_tax_set` shop_money; presentment money is never read here).
 * Exchange parts are negative: the customer takes those goods instead of money.
 */
export interface RefundPart {
  reason: RefundLineReason;
  /** Where the part comes from, for error messages: "refund.lines[0]". */
  field: string;
  description: string;
  shopifyLineId: string | null;
  orderLine: OrderLine | null;
  shippingLine: ShippingLine | null;
  refundLine: RefundLine | null;
  quantity: number;
  unitPrice: Money;
  lineDiscount: Money;
  amount: Money;
  taxAmount: Money;
}

/**
 * seed 003 restock types: `return`, `cancel` and `legacy_restock` put the units back in stock,
 * `no_restock` does not. Shopify's `restocked` flag must agree (a return line not restocked yet).
 */
export function isRestocked(line: RefundLine): boolean {
  return line.restockType !== 'no_restock' && line.restocked;
}

export function lineTitle(line: OrderLine): string {
  return line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title;
}

/** The refunded order lines (seed 003 `refund_line_items`). */
export function refundLineParts(order: Order, refund: Refund): RefundPart[] | RefundProblem[] {
  const problems: RefundProblem[] = [];
  const parts: RefundPart[] = [];
  refund.lines.forEach((line, index) => {
    const field = `refund.lines[${index}]`;
    if (line.quantity === 0) return;
    const orderLine = order.lines.find((l) => l.shopifyId === line.lineShopifyId);
    if (!orderLine) {
      problems.push({
        code: 'order_line_not_found',
        field,
        message: `Refund ${refund.shopifyId} of order ${order.name} refunds line ${line.lineShopifyId}, which is not on the order`,
      });
      return;
    }
    const reason: RefundLineReason = orderLine.isGiftCard
      ? 'gift_card'
      : isRestocked(line)
        ? 'restocked'
        : 'not_restocked';
    const figures = lineFigures(
      order,
      line.price.shop,
      line.quantity,
      line.subtotal.shop,
      line.totalTax.shop,
    );
    parts.push({
      reason,
      field,
      description: describe(reason, orderLine),
      shopifyLineId: orderLine.shopifyId,
      orderLine,
      shippingLine: null,
      refundLine: line,
      ...figures,
    });
  });
  return problems.length > 0 ? problems : parts;
}

function describe(reason: RefundLineReason, line: OrderLine): string {
  if (reason === 'gift_card') return `Gift card refunded: ${line.title}`;
  if (reason === 'not_restocked') return `Not restocked: ${lineTitle(line)}`;
  return lineTitle(line);
}

/** Refunded shipping (seed 003 `shipping`; GraphQL `refundShippingLines`), one part per line. */
export function shippingParts(order: Order, refund: Refund): RefundPart[] {
  return refund.shippingLines.map((line, index) => {
    const shippingLine = order.shippingLines.find((s) => s.shopifyId === line.shippingLineShopifyId) ?? null;
    return {
      reason: 'shipping' as const,
      field: `refund.shippingLines[${index}]`,
      description: `Shipping refund: ${shippingLine?.title ?? 'shipping'}`,
      shopifyLineId: line.shippingLineShopifyId,
      orderLine: null,
      shippingLine,
      refundLine: null,
      ...lineFigures(order, line.subtotal.shop, 1, line.subtotal.shop, line.tax.shop),
    };
  });
}

/** Refunded duties (seed 003 `duties`): no account of their own in the seeds, so the refund account. */
export function dutyParts(order: Order, refund: Refund): RefundPart[] {
  return refund.duties.map((duty, index) =>
    flat(order, 'duties', `refund.duties[${index}]`, 'Duties refunded', duty.amount.shop),
  );
}

/**
 * The exchange items of the refund's return, as negative parts: "the value of the returned items
 * is applied to the exchange items" (Shopify's exchanges), so the documents carry the net. Only
 * the first refund of a return carries them: an item is sold once. The caller leaves out of the
 * documents those already on the sales document, but their value still counts in the net.
 */
export function exchangeParts(order: Order, refund: Refund): RefundPart[] | RefundProblem[] {
  const index = order.returns.findIndex((r) => r.shopifyId === refund.returnShopifyId);
  const exchange = order.returns[index];
  if (!exchange || !isFirstRefundOfReturn(order, refund)) return [];
  const field = `returns[${index}].exchangeLineShopifyIds`;
  const problems: RefundProblem[] = [];
  const parts: RefundPart[] = [];
  for (const lineId of exchange.exchangeLineShopifyIds) {
    const line = order.lines.find((l) => l.shopifyId === lineId);
    if (!line) {
      problems.push({
        code: 'order_line_not_found',
        field,
        message: `Exchange item line ${lineId} of return ${exchange.shopifyId} is not on order ${order.name}`,
      });
      continue;
    }
    const currency = order.shopCurrency;
    const discounted = subtract(
      times(line.unitPrice.shop, line.quantity),
      sum(
        line.discountAllocations.map((a) => a.amount.shop),
        currency,
      ),
    );
    const tax = sum(
      line.taxLines.map((t) => t.amount.shop),
      currency,
    );
    const figures = lineFigures(order, line.unitPrice.shop, line.quantity, discounted, tax);
    parts.push({
      reason: 'exchange_item',
      field,
      description: `Exchange item: ${lineTitle(line)}`,
      shopifyLineId: line.shopifyId,
      orderLine: line,
      shippingLine: null,
      refundLine: null,
      ...figures,
      quantity: -figures.quantity,
      lineDiscount: negate(figures.lineDiscount),
      amount: negate(figures.amount),
      taxAmount: negate(figures.taxAmount),
    });
  }
  return problems.length > 0 ? problems : parts;
}

/** Only the first refund of a return carries its exchange items (reconciliation-figures.ts too). */
export function isFirstRefundOfReturn(order: Order, refund: Refund): boolean {
  return !order.refunds.some(
    (other) =>
      other.returnShopifyId === refund.returnShopifyId &&
      other.shopifyId !== refund.shopifyId &&
      (other.createdAt < refund.createdAt ||
        (other.createdAt === refund.createdAt && other.shopifyId < refund.shopifyId)),
  );
}

/**
 * What Shopify refunded beyond the parts (seed 002: "tips, or if you manually specified an amount
 * to refund"; seed 003: "refund line items for less than their calculated amount" makes a
 * refund_discrepancy adjustment). Split over the refund's discrepancy adjustments by their size,
 * each line carrying its adjustment's reason; one "other amount" line when there is none.
 * Shipping refund adjustments are left out: the shipping parts already carry them.
 */
export function residualParts(order: Order, refund: Refund, residual: Money): RefundPart[] {
  if (residual.minor === 0) return [];
  const adjustments = refund.adjustments.filter(
    (a) => a.reason !== 'shipping_refund' && a.amount.shop.minor !== 0,
  );
  if (adjustments.length === 0) {
    const note = refund.note ? `: ${refund.note}` : ' (tip, manual amount)';
    return [flat(order, 'other_amount', 'refund.totalRefunded', `Other refunded amount${note}`, residual)];
  }
  const shares = allocate(
    residual,
    adjustments.map((a) => Math.abs(a.amount.shop.minor)),
  );
  return adjustments.map((adjustment, index) => {
    const reasonText = (adjustment.reason ?? 'refund_discrepancy').replaceAll('_', ' ');
    const field = `refund.adjustments[${refund.adjustments.indexOf(adjustment)}]`;
    return flat(order, 'refund_discrepancy', field, `Refund discrepancy: ${reasonText}`, shares[index]!);
  });
}

/** A one-off untaxed amount (duties, discrepancies, other amounts). */
function flat(
  order: Order,
  reason: RefundLineReason,
  field: string,
  description: string,
  amount: Money,
): RefundPart {
  return {
    reason,
    field,
    description,
    shopifyLineId: null,
    orderLine: null,
    shippingLine: null,
    refundLine: null,
    quantity: 1,
    unitPrice: amount,
    lineDiscount: zero(order.shopCurrency),
    amount,
    taxAmount: zero(order.shopCurrency),
  };
}

/** A line's figures the way the sales document rules compute them (tax inside the price or on top). */
function lineFigures(order: Order, unitPrice: Money, quantity: number, discounted: Money, tax: Money) {
  const gross = times(unitPrice, quantity);
  return { quantity, unitPrice, ...currentAmounts(order, gross, discounted, tax) };
}

/** Parts that are goods (they have quantities); the others are amounts. */
export function isGoods(part: Pick<RefundPart, 'reason'>): boolean {
  return ['restocked', 'not_restocked', 'gift_card', 'exchange_item'].includes(part.reason);
}

/** What a part gives back including tax. */
export function valueOf(part: RefundPart): Money {
  return sum([part.amount, part.taxAmount], part.amount.currency);
}

export function totalOf(parts: readonly RefundPart[], currency: string): Money {
  return sum(parts.map(valueOf), currency);
}

/**
 * seed 004 4.5 "Zero-amount Inventory Credit Memo": the quantities at their price, discounted in
 * full, so every line still reads unit price x quantity - discount = amount (zero).
 */
export function withoutValue(part: RefundPart): RefundPart {
  const none = zero(part.amount.currency);
  return { ...part, lineDiscount: times(part.unitPrice, part.quantity), amount: none, taxAmount: none };
}
