import type { Kysely, Selectable } from 'kysely';
import type { Database, DocumentsTable } from '../../db/index.ts';
import { documentRow, fromRow, lineRow, type NewDocument } from './document-rows.ts';
import type { BooksDocument } from './sales-document.ts';

export type { NewDocument } from './document-rows.ts';

type Db = Kysely<Database>;

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

/** Rows per insert: 500 documents of 25 columns stay far below PostgreSQL's 65,535 bind parameters. */
const rowsPerStatement = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += rowsPerStatement)
    result.push(values.slice(start, start + rowsPerStatement));
  return result;
}

export interface DocumentFilter {
  shopCode: string;
  shopifyOrderId?: string | undefined;
  shopifyOrderName?: string | undefined;
  /** One refund's documents (credit-bearing and customer refunds). */
  shopifyRefundId?: string | undefined;
  /** One document by its no. */
  number?: string | undefined;
  /** Only documents still linked to their order. Default false (all). */
  linkedOnly?: boolean | undefined;
}

/** Documents with their lines, newest order first, each order's documents in creation order. */
export async function findDocuments(db: Db, filter: DocumentFilter): Promise<BooksDocument[]> {
  let query = db.selectFrom('documents').selectAll().where('shop_code', '=', filter.shopCode);
  if (filter.shopifyOrderId !== undefined)
    query = query.where('shopify_order_id', '=', filter.shopifyOrderId);
  if (filter.shopifyOrderName !== undefined)
    query = query.where('shopify_order_name', '=', filter.shopifyOrderName);
  if (filter.shopifyRefundId !== undefined)
    query = query.where('shopify_refund_id', '=', filter.shopifyRefundId);
  if (filter.number !== undefined) query = query.where('number', '=', filter.number);
  if (filter.linkedOnly) query = query.where('unlinked_at', 'is', null);
  return withLines(db, await query.orderBy('id').execute());
}

/**
 * The documents still linked to their order whose refund id or number is one of these (a batch of
 * refunds: what each one became, what each applies to), with their lines, in creation order.
 */
export async function findLinkedDocumentsWith(
  db: Db,
  shopCode: string,
  column: 'shopify_refund_id' | 'number',
  values: readonly string[],
): Promise<BooksDocument[]> {
  if (values.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where(column, 'in', [...new Set(values)])
    .where('unlinked_at', 'is', null)
    .orderBy('id')
    .execute();
  return withLines(db, rows);
}

/**
 * The sales documents still linked to each of these orders (what the order became; its refunds'
 * documents are not among them), for many orders in two statements, by Shopify order id; orders
 * without any are absent.
 */
export async function findLinkedDocumentsOfOrders(
  db: Db,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<Map<string, BooksDocument[]>> {
  if (shopifyOrderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', [...new Set(shopifyOrderIds)])
    .where('unlinked_at', 'is', null)
    .where('shopify_refund_id', 'is', null)
    .orderBy('id')
    .execute();
  return groupBy(await withLines(db, rows), (document) => document.shopifyOrderId);
}

async function withLines(db: Db, rows: Selectable<DocumentsTable>[]): Promise<BooksDocument[]> {
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
