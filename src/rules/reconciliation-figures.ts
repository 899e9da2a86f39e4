import type { MoneyBag, Order, Refund, Transaction } from '../domain/order.ts';
import { money, type Money } from '../money/index.ts';
import { isFirstRefundOfReturn } from './refund-parts.ts';

/**
 * The figures reconciliation compares (src/rules/reconciliation.ts), each side computed on its
 * own: Shopify's from the order as mirrored, the books' from the documents and stock movements.
 * Shop money only, in minor units of the order's shop currency (DESIGN.md "Money").
 */

/** A document as books/ reports it (a BooksDocument fits): only what reconciliation reads. */
export interface ReconciledDocument {
  type: string;
  number: string | null;
  shopifyRefundId: string | null;
  unlinked: boolean;
  amountIncludingTax: Money;
  /** Sales documents: the refunds that existed when it was made (its quantities leave them out). */
  reflectedRefundIds: readonly string[];
  lines: readonly { type: string; no: string | null; quantity: number; reason: string | null }[];
}

/** A stock movement of one of the order's refund documents. */
export interface ReconciledStockMovement {
  voucherNo: string;
  itemNo: string;
  quantity: number;
  kind: string;
}

export type ItemsBySku = ReadonlyMap<string, { no: string; type: 'inventory' | 'service' }>;

const salesDocumentTypes = ['sales_invoice', 'cash_sale', 'sales_order'];

/** Shopify: the successful sale and capture transactions (seed 003: pending or failed moved no money). */
export function receivedOf(order: Order): number {
  return settled(order.transactions, ['sale', 'capture']);
}

/** Shopify: the successful refund transactions of the order, or of one refund. */
export function refundedOf(transactions: readonly Transaction[]): number {
  return settled(transactions, ['refund']);
}

function settled(transactions: readonly Transaction[], kinds: readonly string[]): number {
  return transactions
    .filter((t) => t.status === 'success' && kinds.includes(t.kind))
    .reduce((total, t) => total + t.amount.shop.minor, 0);
}

/** A refund transaction not settled yet: Shopify may still pay it or not (seed 003). */
export function hasUnsettledTransactions(refund: Refund): boolean {
  return refund.transactions.some(
    (t) => t.kind === 'refund' && ['pending', 'awaiting_response', 'unknown'].includes(t.status),
  );
}

type Side = 'shop' | 'presentment';

/**
 * What the refund took off the order's current total: its lines, shipping and duties, tax
 * included (Shopify's refund line subtotals hold the tax already when prices include it).
 */
function takenOff(order: Order, refund: Refund, side: Side): number {
  const tax = (bag: MoneyBag) => (order.taxesIncluded ? 0 : bag[side].minor);
  const lines = refund.lines.reduce((t, l) => t + l.subtotal[side].minor + tax(l.totalTax), 0);
  const shipping = refund.shippingLines.reduce((t, s) => t + s.subtotal[side].minor + tax(s.tax), 0);
  const duties = refund.duties.reduce((t, d) => t + d.amount[side].minor, 0);
  return lines + shipping + duties;
}

/** Shopify's order adjustments (refund discrepancies): what was paid back less than the goods. */
function adjustments(order: Order, refund: Refund, side: Side): number {
  const tax = (bag: MoneyBag) => (order.taxesIncluded ? 0 : bag[side].minor);
  return refund.adjustments.reduce((t, a) => t + a.amount[side].minor + tax(a.taxAmount), 0);
}

/**
 * The value of returned goods Shopify applied to exchange items instead of paying it back
 * (emulator/README.md "exchange-cheaper": "only the difference goes back"): on a refund of a
 * return, the goods' value that neither the money nor a discrepancy adjustment accounts for.
 * Found in presentment money, where Shopify's figures add up exactly; shop money is converted
 * amount by amount and may be a cent off without any exchange.
 */
function exchangeApplied(order: Order, refund: Refund): number {
  if (refund.returnShopifyId === null || hasUnsettledTransactions(refund)) return 0;
  const gap = (side: Side) =>
    takenOff(order, refund, side) - refundedOfSide(refund, side) - adjustments(order, refund, side);
  if (gap('presentment') <= 0) return 0;
  // The shop-money gap holds the refund transaction's own conversion, a cent off the exchange
  // items' shop money in a foreign currency (exchange-cheaper in GBP: 8.31 against the sock's
  // 8.00 + 0.32 tax), while a sales document made after the refund carries the items at their
  // shop money. At most the returned goods' value is applied (a pricier exchange leaves a balance).
  const items = exchangeItemsValue(order, refund);
  if (items === null) return Math.max(0, gap('shop'));
  return Math.min(items, takenOff(order, refund, 'shop') - adjustments(order, refund, 'shop'));
}

/** The return's exchange items in shop money, tax as the order charges it; null when it has none. */
function exchangeItemsValue(order: Order, refund: Refund): number | null {
  const exchange = order.returns.find((r) => r.shopifyId === refund.returnShopifyId);
  if (!exchange || exchange.exchangeLineShopifyIds.length === 0 || !isFirstRefundOfReturn(order, refund))
    return null;
  let total = 0;
  for (const lineId of exchange.exchangeLineShopifyIds) {
    const line = order.lines.find((l) => l.shopifyId === lineId);
    if (!line) return null;
    const discounts = line.discountAllocations.reduce((t, a) => t + a.amount.shop.minor, 0);
    const tax = order.taxesIncluded ? 0 : line.taxLines.reduce((t, x) => t + x.amount.shop.minor, 0);
    total += line.unitPrice.shop.minor * line.quantity - discounts + tax;
  }
  return total;
}

function refundedOfSide(refund: Refund, side: Side): number {
  return refund.transactions
    .filter((t) => t.status === 'success' && t.kind === 'refund')
    .reduce((total, t) => total + t.amount[side].minor, 0);
}

export interface ShopifyRefundFigures {
  refunded: number;
  /** What the sales document, when made after the refund, already left out for it. */
  leftOutOfSalesDocument: number;
  /** Units Shopify put back in stock, per item no. (an unmapped SKU as `SKU <sku>`). */
  restocked: Map<string, number>;
}

export function shopifyRefundFigures(order: Order, refund: Refund, items: ItemsBySku): ShopifyRefundFigures {
  return {
    refunded: refundedOf(refund.transactions),
    leftOutOfSalesDocument: takenOff(order, refund, 'shop') - exchangeApplied(order, refund),
    restocked: restockedUnits(order, refund, items),
  };
}

/**
 * seed 004 4.4: "Restock Enabled -> inventory returned to available stock"; Shopify says so per
 * refund line (restock type other than no_restock, restocked). Gift cards and services hold no
 * stock (docs/refunds.md "Services move no stock").
 */
function restockedUnits(order: Order, refund: Refund, items: ItemsBySku): Map<string, number> {
  const units = new Map<string, number>();
  for (const line of refund.lines) {
    if (line.restockType === 'no_restock' || !line.restocked || line.quantity === 0) continue;
    const orderLine = order.lines.find((l) => l.shopifyId === line.lineShopifyId);
    if (!orderLine || orderLine.isGiftCard) continue;
    const item = orderLine.sku === null ? undefined : items.get(orderLine.sku);
    if (item?.type === 'service') continue;
    const key = item?.no ?? `SKU ${orderLine.sku ?? orderLine.title}`;
    units.set(key, (units.get(key) ?? 0) + line.quantity);
  }
  return units;
}

/** The order's linked sales document: its invoice or cash sale, else its sales order. */
export function salesDocumentOf(documents: readonly ReconciledDocument[]): ReconciledDocument | null {
  const sales = documents.filter(
    (d) => !d.unlinked && d.shopifyRefundId === null && salesDocumentTypes.includes(d.type),
  );
  return sales.find((d) => d.type !== 'sales_order') ?? sales[0] ?? null;
}

export interface BooksRefundFigures {
  documents: ReconciledDocument[];
  /** Credit memos and sales order changes credit; a refund's sales invoice charges (negative). */
  credited: number;
  customerRefunds: number;
  paid: number;
  restocked: Map<string, number>;
}

export function booksRefundFigures(
  refundId: string,
  documents: readonly ReconciledDocument[],
  movements: readonly ReconciledStockMovement[],
  items: ItemsBySku,
): BooksRefundFigures {
  const own = documents.filter((d) => !d.unlinked && d.shopifyRefundId === refundId);
  const signed = (d: ReconciledDocument) =>
    d.type === 'sales_invoice' ? -d.amountIncludingTax.minor : d.amountIncludingTax.minor;
  const credits = own.filter((d) => d.type !== 'customer_refund' && d.type !== 'inventory_adjustment');
  const payments = own.filter((d) => d.type === 'customer_refund');
  const numbers = new Set(own.map((d) => d.number));
  const restocked = new Map<string, number>();
  const add = (itemNo: string, n: number) => restocked.set(itemNo, (restocked.get(itemNo) ?? 0) + n);
  // Goods back on hand are `return` movements of the credit memo, ICM or refund's sales invoice.
  for (const m of movements) if (m.kind === 'return' && numbers.has(m.voucherNo)) add(m.itemNo, m.quantity);
  // An order not shipped yet takes restocked units off its sales order instead (seed 004 4.4).
  const services = new Set([...items.values()].filter((i) => i.type === 'service').map((i) => i.no));
  for (const d of own.filter((d) => d.type === 'sales_order_change'))
    for (const l of d.lines)
      if (l.type === 'item' && l.reason === 'restocked' && l.no !== null && !services.has(l.no))
        add(l.no, l.quantity);
  return {
    documents: own,
    credited: credits.reduce((t, d) => t + signed(d), 0),
    customerRefunds: payments.length,
    paid: payments.reduce((t, d) => t + d.amountIncludingTax.minor, 0),
    restocked,
  };
}

export function shopMoney(minor: number, order: Order): Money {
  return money(minor, order.shopCurrency);
}
