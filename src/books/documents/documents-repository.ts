import type { Kysely, Selectable } from 'kysely';
import type { Database, DocumentLinesTable, DocumentsTable } from '../../db/index.ts';
import { money } from '../../money/index.ts';
import type { SalesDocument, SalesDocumentLine } from './sales-document.ts';

/** Documents and their lines, mapped between snake_case rows and the domain at this edge only. */
type Db = Kysely<Database>;

/** A document to insert: numbered, with its customer. */
export type NewDocument = SalesDocument & { number: string; customerNo: string };

/**
 * Inserts documents and their lines, a statement per chunk of rows rather than per document (an
 * import batch); answers each document's id, in the order given.
 */
export async function insertDocuments(trx: Db, documents: readonly NewDocument[]): Promise<number[]> {
  const idByNumber = new Map<string, number>();
  for (const chunk of chunks(documents)) {
    const rows = await trx
      .insertInto('documents')
      .values(chunk.map(documentRow))
      .returning(['id', 'number'])
      .execute();
    for (const row of rows) idByNumber.set(row.number, row.id);
  }
  const ids = documents.map((document) => idByNumber.get(document.number)!);
  const lines = documents.flatMap((document, index) =>
    document.lines.map((line) => lineRow(ids[index]!, line)),
  );
  for (const chunk of chunks(lines)) await trx.insertInto('document_lines').values(chunk).execute();
  return ids;
}

/** Rows per insert: 500 documents of 18 columns stay far below PostgreSQL's 65,535 bind parameters. */
const rowsPerStatement = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += rowsPerStatement)
    result.push(values.slice(start, start + rowsPerStatement));
  return result;
}

function documentRow(document: NewDocument) {
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
  };
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
  return withLines(db, await query.orderBy('id').execute());
}

/**
 * The documents still linked to each of these orders (findDocuments with linkedOnly, for many
 * orders in two statements), by Shopify order id; orders without any are absent.
 */
export async function findLinkedDocumentsOfOrders(
  db: Db,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<Map<string, SalesDocument[]>> {
  if (shopifyOrderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', [...new Set(shopifyOrderIds)])
    .where('unlinked_at', 'is', null)
    .orderBy('id')
    .execute();
  return groupBy(await withLines(db, rows), (document) => document.shopifyOrderId);
}

async function withLines(db: Db, rows: Selectable<DocumentsTable>[]): Promise<SalesDocument[]> {
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
  const linesOf = groupBy(lines, (line) => line.document_id);
  return rows.map((row) => fromRow(row, linesOf.get(row.id) ?? []));
}

/** Values by key, each group in the order given. */
function groupBy<K, V>(values: readonly V[], keyOf: (value: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) {
    const group = groups.get(keyOf(value));
    if (group) group.push(value);
    else groups.set(keyOf(value), [value]);
  }
  return groups;
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
