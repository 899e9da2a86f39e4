import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { money, type Money } from '../../money/index.ts';
import type { ExportState } from '../../rules/invoice-export.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { findDocuments } from '../documents/documents-repository.ts';
import type { BooksDocument } from '../documents/sales-document.ts';

type Db = Kysely<Database>;

/** A back-office invoice with its export state (migration 0016): the seed's "Shopify Order ID". */
export interface InvoiceExport {
  document: BooksDocument & { id: number; number: string; customerNo: string };
  state: ExportState;
  remainingAmount: Money;
  shopifyDraftOrderId: string | null;
  shopifyOrderId: string | null;
  reasonCode: string | null;
  message: string | null;
  attempts: number;
}

/** The shop's back-office invoices in a state (Default: all), oldest first. */
export async function findInvoiceExports(
  db: Db,
  shopCode: string,
  filter: { state?: ExportState | undefined; documentNo?: string | undefined } = {},
): Promise<InvoiceExport[]> {
  let query = db.selectFrom('invoice_exports').selectAll().where('shop_code', '=', shopCode);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.documentNo) query = query.where('document_no', '=', filter.documentNo);
  const rows = await query.orderBy('document_id').execute();
  const documents = new Map<number, BooksDocument>();
  for (const row of rows)
    for (const document of await findDocuments(db, { shopCode, number: row.document_no }))
      documents.set(document.id!, document);
  return rows.map((row) => {
    const document = documents.get(row.document_id)!;
    return {
      document: document as InvoiceExport['document'],
      state: row.state,
      remainingAmount: money(row.remaining_amount_minor, document.currency),
      shopifyDraftOrderId: row.shopify_draft_order_id,
      shopifyOrderId: row.shopify_order_id,
      reasonCode: row.reason_code,
      message: row.message,
      attempts: row.attempts,
    };
  });
}

/** The Shopify customer (or only a company) the back-office customer is mapped to in the shop. */
export async function findShopifyLinkOfCustomer(
  db: Db,
  shopCode: string,
  customerNo: string,
): Promise<{ shopifyCustomerId: string | null; company: boolean } | null> {
  const rows = await db
    .selectFrom('customer_links')
    .select(['kind', 'shopify_id'])
    .where('shop_code', '=', shopCode)
    .where('customer_no', '=', customerNo)
    .orderBy('created_at', 'desc')
    .execute();
  if (rows.length === 0) return null;
  const customer = rows.find((row) => row.kind === 'customer');
  return {
    shopifyCustomerId: customer?.shopify_id ?? null,
    company: rows.some((row) => row.kind === 'company'),
  };
}

/** The draft order made for the invoice, kept before it is completed (a re-run completes this one). */
export async function recordDraftOrder(db: Db, documentId: number, draftOrderId: string): Promise<void> {
  await db
    .updateTable('invoice_exports')
    .set({ shopify_draft_order_id: draftOrderId, updated_at: new Date() })
    .where('document_id', '=', documentId)
    .execute();
}

/**
 * seed 002 "Successful export: update the Shopify Order ID field": the state, and the invoice's
 * own Shopify order id and name, so that the order's import finds this document as its own
 * (createSalesDocumentsForOrders looks documents up by order) and creates nothing.
 */
export async function recordInvoiceExported(
  db: Db,
  documentId: number,
  order: { shopifyOrderId: string; name: string },
): Promise<void> {
  await db
    .updateTable('invoice_exports')
    .set((eb) => ({
      state: 'exported',
      shopify_order_id: order.shopifyOrderId,
      reason_code: null,
      message: null,
      attempts: eb('attempts', '+', 1),
      updated_at: new Date(),
    }))
    .where('document_id', '=', documentId)
    .execute();
  await linkInvoiceToOrder(db, documentId, order);
}

/** The invoice's Shopify Order ID and name: the order's import then finds it as the order's document. */
export async function linkInvoiceToOrder(
  db: Db,
  documentId: number,
  order: { shopifyOrderId: string; name: string },
): Promise<void> {
  await db
    .updateTable('documents')
    .set({ shopify_order_id: order.shopifyOrderId, shopify_order_name: order.name, updated_at: new Date() })
    .where('id', '=', documentId)
    .execute();
}

/** seed 002: "-1" export failed (Shopify's message), "-2" excluded (the condition it fails). */
export async function recordInvoiceNotExported(
  db: Db,
  documentId: number,
  outcome: { state: 'failed' | 'excluded'; code: string; message: string },
): Promise<void> {
  await db
    .updateTable('invoice_exports')
    .set((eb) => ({
      state: outcome.state,
      reason_code: outcome.code,
      message: outcome.message,
      attempts: eb('attempts', '+', 1),
      updated_at: new Date(),
    }))
    .where('document_id', '=', documentId)
    .execute();
}

/**
 * seed 002 note: "replace -1 and -2 with 0 to retry the export". The draft order made before a
 * failure stays known, so the retry completes it rather than making a second one.
 */
export async function resetInvoiceExport(
  db: Db,
  documentNo: string,
): Promise<{ shopCode: string; previous: ExportState }> {
  const row = await db
    .selectFrom('invoice_exports')
    .select(['state', 'shop_code'])
    .where('document_no', '=', documentNo)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`--document: ${documentNo} is not a back-office sales invoice`);
  if (row.state === 'exported' || row.state === 'not_exported')
    throw new ConflictError(
      `Invoice ${documentNo} is ${row.state.replace('_', ' ')}; only a failed (-1) or excluded (-2) export is reset`,
    );
  await db
    .updateTable('invoice_exports')
    .set({ state: 'not_exported', reason_code: null, message: null, updated_at: new Date() })
    .where('document_no', '=', documentNo)
    .execute();
  return { shopCode: row.shop_code, previous: row.state };
}
