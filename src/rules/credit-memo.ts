import { negate, type Money } from '../money/index.ts';
import { documentTotals } from './document-totals.ts';
import type {
  CreditDocumentDraft,
  RefundDocumentLine,
  RefundProblem,
  SalesOrderChangeDraft,
  StockEffect,
} from './refund-decision.ts';
import { isGoods, type RefundPart } from './refund-parts.ts';
import { targetOf, type LineTarget, type TargetContext } from './refund-targets.ts';

/** The header fields every refund document shares, chosen by refund-documents.ts. */
export type HeaderFields = Omit<
  CreditDocumentDraft,
  'kind' | 'lines' | 'amount' | 'taxAmount' | 'amountIncludingTax'
>;

export interface Drafted<D> {
  document: D | null;
  stock: StockEffect[];
}

/**
 * A refund of a shipped and invoiced order (seed 004 4.1 "Shipped (Invoiced): Refunds generate
 * financial documents"). The document kind follows seed 004 4.5: goods back without money -> a
 * zero-amount inventory credit memo (the caller has taken the values out); money back -> a credit
 * memo whose item lines carry quantity and value. When the net is a charge (a pricier exchange)
 * the lines become a sales invoice instead of a negative credit memo.
 */
export function creditDocument(
  context: TargetContext,
  parts: readonly RefundPart[],
  header: HeaderFields,
  quantityOnly: boolean,
): Drafted<CreditDocumentDraft> | RefundProblem[] {
  if (parts.length === 0) return { document: null, stock: [] };
  const targets = resolveTargets(context, parts);
  if (!Array.isArray(targets)) return targets.problems;
  const lines = parts.map((part, index) => documentLine(part, targets[index]!, index + 1));
  const totals = documentTotals(lines, header.currency);
  const charge = totals.amountIncludingTax.minor < 0;
  const kind = quantityOnly ? 'inventory_credit_memo' : charge ? 'sales_invoice' : 'credit_memo';
  const shown = charge ? lines.map(chargedLine) : lines;
  return {
    document: { ...header, kind, lines: shown, ...documentTotals(shown, header.currency) },
    stock: parts.flatMap((part, index) => stockOf(part, targets[index]!)),
  };
}

export function resolveTargets(
  context: TargetContext,
  parts: readonly RefundPart[],
): LineTarget[] | { problems: RefundProblem[] } {
  const resolved = parts.map((part) => targetOf(context, part));
  const problems = resolved.filter((r): r is RefundProblem => 'code' in r);
  if (problems.length > 0) return { problems };
  return resolved as LineTarget[];
}

export function documentLine(part: RefundPart, target: LineTarget, lineNo: number): RefundDocumentLine {
  return {
    lineNo,
    type: target.type,
    no: target.no,
    description: part.description,
    reason: part.reason,
    quantity: part.quantity,
    unitPrice: part.unitPrice,
    lineDiscount: part.lineDiscount,
    amount: part.amount,
    taxAmount: part.taxAmount,
    locationCode: target.locationCode,
    shopifyLineId: part.shopifyLineId,
  };
}

/**
 * On an invoice a positive figure is charged: the credit memo's signs turned over. Goods turn
 * their quantity over; amounts (quantity 1) their unit price.
 */
function chargedLine(line: RefundDocumentLine): RefundDocumentLine {
  const goods = isGoods(line);
  return {
    ...line,
    quantity: goods ? -line.quantity : line.quantity,
    unitPrice: goods ? line.unitPrice : negate(line.unitPrice),
    lineDiscount: negate(line.lineDiscount),
    amount: negate(line.amount),
    taxAmount: negate(line.taxAmount),
  };
}

/**
 * seed 002: restocked items come back "at the return location"; seed 004 4.4: "Restock Enabled ->
 * Inventory returned to available stock". Products not restocked already left stock when the
 * order shipped and stay out ("Restock Disabled -> Inventory permanently removed"): no movement.
 * Exchange items leave stock from the location Shopify ships them from.
 */
function stockOf(part: RefundPart, target: LineTarget): StockEffect[] {
  if (!target.stocked || part.quantity === 0) return [];
  const base = { itemNo: target.no, locationCode: target.locationCode, shopifyLineId: part.shopifyLineId! };
  if (part.reason === 'restocked') return [{ kind: 'return', ...base, onHand: part.quantity, released: 0 }];
  if (part.reason === 'exchange_item')
    return [{ kind: 'exchange_out', ...base, onHand: part.quantity, released: 0 }];
  return [];
}

/** What a document gives back to the customer: a sales invoice counts against. */
export function creditedBy(document: CreditDocumentDraft | SalesOrderChangeDraft): Money {
  return document.kind === 'sales_invoice'
    ? negate(document.amountIncludingTax)
    : document.amountIncludingTax;
}
