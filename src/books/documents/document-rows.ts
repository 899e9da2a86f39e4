import type { Selectable } from 'kysely';
import type { DocumentLinesTable, DocumentsTable } from '../../db/index.ts';
import { money } from '../../money/index.ts';
import type { RefundLineReason } from '../../rules/refund-decision.ts';
import type { DocumentType } from '../../rules/sales-document.ts';
import type { BooksDocument, SalesDocumentLine } from './sales-document.ts';

/** Documents and lines between snake_case rows and the domain, at this edge only. */

/** A document to insert: numbered, with its customer. */
export type NewDocument = BooksDocument & { number: string; customerNo: string };

export function documentRow(document: NewDocument) {
  return {
    shop_code: document.shopCode,
    type: document.type,
    number: document.number,
    status: document.status,
    shopify_order_id: document.shopifyOrderId,
    shopify_order_name: document.shopifyOrderName,
    shopify_refund_id: document.shopifyRefundId,
    customer_no: document.customerNo,
    currency: document.currency,
    exchange_rate: document.exchangeRate,
    document_date: document.documentDate,
    shipment_method_code: document.shipmentMethodCode,
    shipping_agent_code: document.shippingAgentCode,
    shipping_agent_service_code: document.shippingAgentServiceCode,
    tax_area_code: document.taxAreaCode,
    amount_minor: document.amount.minor,
    tax_amount_minor: document.taxAmount.minor,
    amount_including_tax_minor: document.amountIncludingTax.minor,
    applies_to: document.appliesTo,
    payment_method: document.paymentMethod,
    paid_from_account: document.paidFromAccount,
    payment_reference: document.paymentReference,
    shopify_transaction_id: document.shopifyTransactionId,
    posted_at: document.postedAt,
    reflected_refund_ids: JSON.stringify(document.reflectedRefundIds),
  };
}

export function lineRow(documentId: number, line: SalesDocumentLine) {
  return {
    document_id: documentId,
    line_no: line.lineNo,
    type: line.type,
    no: line.no,
    description: line.description,
    ...wholeQuantity(line.quantity),
    unit_price_minor: line.unitPrice.minor,
    line_discount_minor: line.lineDiscount.minor,
    amount_minor: line.amount.minor,
    tax_amount_minor: line.taxAmount.minor,
    location_code: line.locationCode,
    released_quantity: line.releasedQuantity,
    shopify_line_id: line.shopifyLineId,
    reason: line.reason,
    sales_order_line_no: line.salesOrderLineNo,
    released_quantity_change: line.releasedQuantityChange,
  };
}

/**
 * A back-office line may be a fraction of a unit (0016): the exact decimal is kept beside the
 * whole-unit column, which holds it rounded half up.
 */
function wholeQuantity(quantity: number) {
  if (Number.isInteger(quantity)) return { quantity, exact_quantity: null };
  return { quantity: Math.round(quantity), exact_quantity: String(quantity) };
}

export function lineFromRow(line: Selectable<DocumentLinesTable>, currency: string): SalesDocumentLine {
  const m = (minor: number) => money(minor, currency);
  return {
    lineNo: line.line_no,
    type: line.type,
    no: line.no,
    description: line.description,
    quantity: line.exact_quantity === null ? line.quantity : Number(line.exact_quantity),
    unitPrice: m(line.unit_price_minor),
    lineDiscount: m(line.line_discount_minor),
    amount: m(line.amount_minor),
    taxAmount: m(line.tax_amount_minor),
    locationCode: line.location_code,
    releasedQuantity: line.released_quantity,
    shopifyLineId: line.shopify_line_id,
    reason: line.reason as RefundLineReason | null,
    salesOrderLineNo: line.sales_order_line_no,
    releasedQuantityChange: line.released_quantity_change,
  };
}

export function fromRow(
  row: Selectable<DocumentsTable>,
  lines: readonly Selectable<DocumentLinesTable>[],
): BooksDocument {
  const m = (minor: number) => money(minor, row.currency);
  return {
    id: row.id,
    type: row.type,
    number: row.number,
    status: row.status,
    shopCode: row.shop_code,
    shopifyOrderId: row.shopify_order_id,
    shopifyOrderName: row.shopify_order_name,
    shopifyRefundId: row.shopify_refund_id,
    customerNo: row.customer_no,
    currency: row.currency,
    exchangeRate: row.exchange_rate,
    documentDate: row.document_date,
    shipmentMethodCode: row.shipment_method_code,
    shippingAgentCode: row.shipping_agent_code,
    shippingAgentServiceCode: row.shipping_agent_service_code,
    taxAreaCode: row.tax_area_code,
    lines: lines.map((line) => lineFromRow(line, row.currency)),
    amount: m(row.amount_minor),
    taxAmount: m(row.tax_amount_minor),
    amountIncludingTax: m(row.amount_including_tax_minor),
    unlinked: row.unlinked_at !== null,
    appliesTo: row.applies_to,
    paymentMethod: row.payment_method,
    paidFromAccount: row.paid_from_account,
    paymentReference: row.payment_reference,
    shopifyTransactionId: row.shopify_transaction_id,
    postedAt: row.posted_at === null ? null : new Date(row.posted_at).toISOString(),
    reflectedRefundIds: row.reflected_refund_ids,
  };
}

const salesTypes: readonly string[] = ['sales_order', 'sales_invoice', 'cash_sale'] satisfies DocumentType[];

/** A sales document is what an order becomes; the refund kinds carry their refund's id. */
export function isSalesDocument(document: BooksDocument): document is BooksDocument & { type: DocumentType } {
  return salesTypes.includes(document.type) && document.shopifyRefundId === null;
}
