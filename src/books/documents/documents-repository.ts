import type { Kysely, Selectable } from 'kysely';
import type { Database, DocumentLinesTable, DocumentsTable } from '../../db/index.ts';
import { money } from '../../money/index.ts';
import type { SalesDocument, SalesDocumentLine } from './sales-document.ts';

/** Documents and their lines, mapped between snake_case rows and the domain at this edge only. */
type Db = Kysely<Database>;

export async function insertDocument(
  trx: Db,
  document: SalesDocument & { number: string; customerNo: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('documents')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (document.lines.length > 0)
    await trx
      .insertInto('document_lines')
      .values(document.lines.map((line) => lineRow(id, line)))
      .execute();
  return id;
}

function lineRow(documentId: number, line: SalesDocumentLine) {
  return {
    document_id: documentId,
    line_no: line.lineNo,
    type: line.type,
    no: line.no,
    description: line.description,
    quantity: line.quantity,
    unit_price_minor: line.unitPrice.minor,
    line_discount_minor: line.lineDiscount.minor,
    amount_minor: line.amount.minor,
    tax_amount_minor: line.taxAmount.minor,
    location_code: line.locationCode,
    released_quantity: line.releasedQuantity,
    shopify_line_id: line.shopifyLineId,
  };
}

export interface DocumentFilter {
  shopCode: string;
  shopifyOrderId?: string | undefined;
  shopifyOrderName?: string | undefined;
  /** Only documents still linked to their order. Default false (all). */
  linkedOnly?: boolean | undefined;
}

/** Documents with their lines, newest order first, each order's documents in creation order. */
export async function findDocuments(db: Db, filter: DocumentFilter): Promise<SalesDocument[]> {
  let query = db.selectFrom('documents').selectAll().where('shop_code', '=', filter.shopCode);
  if (filter.shopifyOrderId !== undefined)
    query = query.where('shopify_order_id', '=', filter.shopifyOrderId);
  if (filter.shopifyOrderName !== undefined)
    query = query.where('shopify_order_name', '=', filter.shopifyOrderName);
  if (filter.linkedOnly) query = query.where('unlinked_at', 'is', null);
  const rows = await query.orderBy('id').execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('document_lines')
    .selectAll()
    .where(
      'document_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('document_id')
    .orderBy('line_no')
    .execute();
  return rows.map((row) =>
    fromRow(
      row,
      lines.filter((line) => line.document_id === row.id),
    ),
  );
}

function fromRow(row: Selectable<DocumentsTable>, lines: Selectable<DocumentLinesTable>[]): SalesDocument {
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
    lines: lines.map((line) => ({
      lineNo: line.line_no,
      type: line.type,
      no: line.no,
      description: line.description,
      quantity: line.quantity,
      unitPrice: m(line.unit_price_minor),
      lineDiscount: m(line.line_discount_minor),
      amount: m(line.amount_minor),
      taxAmount: m(line.tax_amount_minor),
      locationCode: line.location_code,
      releasedQuantity: line.released_quantity,
      shopifyLineId: line.shopify_line_id,
    })),
    amount: m(row.amount_minor),
    taxAmount: m(row.tax_amount_minor),
    amountIncludingTax: m(row.amount_including_tax_minor),
    unlinked: row.unlinked_at !== null,
  };
}
