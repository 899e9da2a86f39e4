import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { negate, subtract, type Money } from '../../money/index.ts';
import type { SalesOrderChangeDraft, SalesOrderChangeLine } from '../../rules/refund-decision.ts';
import { lineRow } from '../documents/document-rows.ts';
import type { BooksDocument, SalesDocumentLine } from '../documents/sales-document.ts';

/** The sales order after a change: its lines changed and added, and its new totals. */
export interface SalesOrderUpdate {
  documentId: number;
  changed: SalesDocumentLine[];
  added: SalesDocumentLine[];
  amount: Money;
  taxAmount: Money;
  amountIncludingTax: Money;
}

export type PlannedChange =
  | { ok: true; update: SalesOrderUpdate }
  | { ok: false; code: 'sales_order_changed' | 'sales_order_shipped'; message: string };

/**
 * docs/refunds.md "SalesOrderChangeLine": applied as deltas. A changed line loses the change's
 * quantity, discount, amount and tax and moves its released quantity by the change (seed 004
 * 4.6: the allocation is released). A line to add carries the negative of what the order now
 * sells (an exchange item `-1 x 40.00` becomes `1 x 40.00`); an amount taken off (refund account)
 * is added as a line of negative value, its quantity kept positive and its unit price turned.
 * Refused when the sales order no longer holds what the decision was made from.
 */
export function planSalesOrderChange(
  salesOrder: BooksDocument,
  change: SalesOrderChangeDraft,
  /** Line no. -> units posted shipments took off the line (docs/shipments.md). */
  shippedByLine: ReadonlyMap<number, number> = new Map(),
): PlannedChange {
  const changed = new Map<number, SalesDocumentLine>();
  let nextLineNo = Math.max(0, ...salesOrder.lines.map((l) => l.lineNo));
  const added: SalesDocumentLine[] = [];
  for (const line of change.lines) {
    if (line.salesOrderLineNo === null) {
      added.push(addedLine(line, ++nextLineNo));
      continue;
    }
    const current =
      changed.get(line.salesOrderLineNo) ?? salesOrder.lines.find((l) => l.lineNo === line.salesOrderLineNo);
    if (!current) return stale(salesOrder, `has no line ${line.salesOrderLineNo}`);
    const next = reduced(current, line);
    if (next.quantity < 0 || next.releasedQuantity < 0 || next.releasedQuantity > next.quantity)
      return stale(
        salesOrder,
        `line ${current.lineNo} holds ${current.quantity} (released ${current.releasedQuantity})`,
      );
    const shipped = shippedByLine.get(current.lineNo) ?? 0;
    if (next.quantity < shipped) return shippedAlready(salesOrder, current.lineNo, shipped, next.quantity);
    changed.set(current.lineNo, next);
  }
  const amount = subtract(salesOrder.amount, change.amount);
  const taxAmount = subtract(salesOrder.taxAmount, change.taxAmount);
  const amountIncludingTax = subtract(salesOrder.amountIncludingTax, change.amountIncludingTax);
  return {
    ok: true,
    update: {
      documentId: salesOrder.id!,
      changed: [...changed.values()],
      added,
      amount,
      taxAmount,
      amountIncludingTax,
    },
  };
}

function reduced(line: SalesDocumentLine, change: SalesOrderChangeLine): SalesDocumentLine {
  return {
    ...line,
    quantity: line.quantity - change.quantity,
    lineDiscount: subtract(line.lineDiscount, change.lineDiscount),
    amount: subtract(line.amount, change.amount),
    taxAmount: subtract(line.taxAmount, change.taxAmount),
    releasedQuantity: line.releasedQuantity + change.releasedQuantityChange,
  };
}

function addedLine(change: SalesOrderChangeLine, lineNo: number): SalesDocumentLine {
  const sells = change.quantity < 0;
  return {
    lineNo,
    type: change.type,
    no: change.no,
    description: change.description,
    quantity: Math.abs(change.quantity),
    unitPrice: sells ? change.unitPrice : negate(change.unitPrice),
    lineDiscount: negate(change.lineDiscount),
    amount: negate(change.amount),
    taxAmount: negate(change.taxAmount),
    locationCode: change.locationCode,
    releasedQuantity: change.releasedQuantityChange,
    shopifyLineId: change.shopifyLineId,
    reason: null,
    salesOrderLineNo: null,
    releasedQuantityChange: null,
  };
}

/**
 * Units a posted shipment took off a sales order have left the warehouse: a refund taking the
 * line below them is a return of shipped goods, which a change of the sales order cannot book
 * (the stock would not come back). Refused until those units are invoiced and can be credited.
 */
function shippedAlready(
  salesOrder: BooksDocument,
  lineNo: number,
  shipped: number,
  left: number,
): PlannedChange {
  return {
    ok: false,
    code: 'sales_order_shipped',
    message: `Sales order ${salesOrder.number} line ${lineNo} has ${shipped} shipped and the refund would leave ${left}: a refund of shipped units is not booked on a sales order; invoice the shipped units, then process the refund again`,
  };
}

function stale(salesOrder: BooksDocument, what: string): PlannedChange {
  return {
    ok: false,
    code: 'sales_order_changed',
    message: `Sales order ${salesOrder.number} ${what}: it changed since the refund was decided; decide it again`,
  };
}

/** Writes the update: changed lines in one statement, added lines in one, the header in one. */
export async function writeSalesOrderChange(trx: Kysely<Database>, update: SalesOrderUpdate): Promise<void> {
  if (update.changed.length > 0) {
    const values = update.changed.map((line) => ({
      line_no: line.lineNo,
      quantity: line.quantity,
      line_discount_minor: line.lineDiscount.minor,
      amount_minor: line.amount.minor,
      tax_amount_minor: line.taxAmount.minor,
      released_quantity: line.releasedQuantity,
    }));
    await sql`
      update document_lines as l set
        quantity = v.quantity, line_discount_minor = v.line_discount_minor,
        amount_minor = v.amount_minor, tax_amount_minor = v.tax_amount_minor,
        released_quantity = v.released_quantity
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
        line_no integer, quantity integer, line_discount_minor bigint, amount_minor bigint,
        tax_amount_minor bigint, released_quantity integer)
      where l.document_id = ${update.documentId} and l.line_no = v.line_no`.execute(trx);
  }
  if (update.added.length > 0)
    await trx
      .insertInto('document_lines')
      .values(update.added.map((line) => lineRow(update.documentId, line)))
      .execute();
  await trx
    .updateTable('documents')
    .set({
      amount_minor: update.amount.minor,
      tax_amount_minor: update.taxAmount.minor,
      amount_including_tax_minor: update.amountIncludingTax.minor,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', update.documentId)
    .execute();
}
