import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import { findItemByNo } from '../../masterdata/index.ts';
import type { DocumentLineState, OrderDocuments } from '../../rules/refund-decision.ts';
import type { ItemForLine } from '../../rules/sales-document.ts';
import { findLinkedDocumentsOfOrders } from '../documents/documents-repository.ts';
import { findItemsForOrder } from '../documents/load-document-inputs.ts';
import type { BooksDocument } from '../documents/sales-document.ts';

/** What refundDocuments takes from the books (docs/refunds.md "Input"). */
export interface OrderDocumentsState {
  documents: OrderDocuments;
  reflectedRefundIds: string[];
  itemsBySku: Map<string, ItemForLine>;
}

/**
 * Where the order's documents stand for the refund rule (seed 004 4.1 "Sales Order Lifecycle
 * Statuses"): its sales invoice or cash sale -> `shipped_invoiced`; else its sales order, by
 * status (`released` reserves stock, `open` does not); else `none`. storebridge has no "waived"
 * status yet, so that stage is never reported. Lines are the document's lines as stored (a sales
 * order after earlier refunds' changes), and `reflectedRefundIds` the refunds the document took in.
 * Items: for the order's SKUs when the order is given (exchange items included), else for the
 * document's item lines only.
 */
export async function orderDocumentsState(
  trx: Kysely<Database>,
  input: { shopCode: string; shopifyOrderId: string; order?: Order | undefined },
): Promise<OrderDocumentsState> {
  const linked = await findLinkedDocumentsOfOrders(trx, input.shopCode, [input.shopifyOrderId]);
  const documents = linked.get(input.shopifyOrderId) ?? [];
  const itemsBySku = input.order
    ? await findItemsForOrder(trx, input.order)
    : await itemsOfLines(trx, chosenDocument(documents));
  return documentsStateOf(documents, itemsBySku);
}

/** orderDocumentsState from the order's linked sales documents and the items, read by the caller (a batch reads them once). */
export function documentsStateOf(
  documents: readonly BooksDocument[],
  itemsBySku: Map<string, ItemForLine>,
): OrderDocumentsState {
  const invoice = invoiceOf(documents);
  const chosen = chosenDocument(documents);
  if (!chosen) return { documents: { stage: 'none' }, reflectedRefundIds: [], itemsBySku };
  const ref = { type: chosen.type as 'sales_order' | 'sales_invoice' | 'cash_sale', number: chosen.number! };
  const lines = chosen.lines.map(lineState);
  const state: OrderDocuments = invoice
    ? { stage: 'shipped_invoiced', invoice: ref, lines }
    : { stage: chosen.status === 'released' ? 'released' : 'open', salesOrder: ref, lines };
  return { documents: state, reflectedRefundIds: chosen.reflectedRefundIds, itemsBySku };
}

function invoiceOf(documents: readonly BooksDocument[]): BooksDocument | undefined {
  return documents.find((d) => d.type === 'sales_invoice' || d.type === 'cash_sale');
}

/** The invoice or cash sale when there is one, else the sales order. */
function chosenDocument(documents: readonly BooksDocument[]): BooksDocument | undefined {
  return invoiceOf(documents) ?? documents.find((d) => d.type === 'sales_order');
}

function lineState(line: BooksDocument['lines'][number]): DocumentLineState {
  return {
    lineNo: line.lineNo,
    shopifyLineId: line.shopifyLineId,
    type: line.type,
    no: line.no,
    quantity: line.quantity,
    releasedQuantity: line.releasedQuantity,
    locationCode: line.locationCode,
  };
}

/** Without the order: the items of the document's item lines, by their SKU. */
async function itemsOfLines(
  trx: Kysely<Database>,
  document: BooksDocument | undefined,
): Promise<Map<string, ItemForLine>> {
  const nos = new Set(document?.lines.flatMap((l) => (l.type === 'item' && l.no ? [l.no] : [])) ?? []);
  const found = new Map<string, ItemForLine>();
  for (const no of nos) {
    const item = await findItemByNo(trx, no);
    if (item?.sku) found.set(item.sku, { no: item.no, description: item.description, type: item.type });
  }
  return found;
}
