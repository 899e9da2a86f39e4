import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order, Refund } from '../../domain/order.ts';
import type { RefundDecision, SalesOrderChangeDraft } from '../../rules/refund-decision.ts';
import type { PostingLine, PostingSettings } from '../../rules/posting.ts';
import { findDocuments, insertDocuments } from '../documents/documents-repository.ts';
import type { BooksDocument } from '../documents/sales-document.ts';
import { insertGlEntries } from '../gl/gl-entries-repository.ts';
import { postDocument } from '../gl/post-document.ts';
import { numberEach } from '../numbering.ts';
import { writeStockMovements } from '../stock/write-stock-movements.ts';
import {
  planSalesOrderChange,
  writeSalesOrderChange,
  type SalesOrderUpdate,
} from './apply-sales-order-change.ts';
import {
  inventoryAdjustment,
  refundDocument,
  type AppliedTo,
  type RefundDocumentToWrite,
} from './refund-document-drafts.ts';
import { refundMovements } from './refund-stock.ts';

/** The rule's decision to write documents (refundDocuments' `documents` outcome). */
export type RefundDocumentsDecision = Extract<RefundDecision, { outcome: 'documents' }>;

export interface CreateRefundDocumentsInput {
  /** ShopSettings or PublicShopSettings: the code and what posting needs. */
  shop: PostingSettings & { code: string };
  order: Order;
  refund: Refund;
  decision: RefundDocumentsDecision;
  /** The clock that stamps postedAt (Default: the system clock). */
  now?: (() => Date) | undefined;
}

export type RefundBooksErrorCode =
  | 'account_not_set'
  | 'exchange_rate_missing'
  | 'applies_to_not_found'
  | 'sales_order_changed'
  | 'sales_order_shipped';

export type CreateRefundDocumentsResult =
  | { ok: true; documents: BooksDocument[]; created: boolean }
  | { ok: false; error: { code: RefundBooksErrorCode; message: string } };

/** A document of the decision with what writing it takes. */
interface Planned {
  document: RefundDocumentToWrite;
  posting: PostingLine[];
}

/**
 * Writes what the refund rule decided, in the caller's transaction (docs/refunds.md "For books/
 * and sync/"): every document numbered (credit memo CM-, inventory credit memo ICM-, sales
 * invoice SI-, sales order change SOC-, customer refund CR-, inventory adjustment IA- for units
 * not restocked on an unshipped order), lines with their reasons; the sales order change applied
 * to the sales order's lines; each posted kind posted (balanced G/L entries); the stock effects
 * as movements with their document as voucher. Shaped load -> check -> compute -> persist, so a
 * refusal (an account posting needs, the document it applies to gone or changed) writes nothing.
 * Idempotent: a refund that already has documents gets them back with created=false.
 */
export async function createRefundDocuments(
  trx: Kysely<Database>,
  input: CreateRefundDocumentsInput,
): Promise<CreateRefundDocumentsResult> {
  const { shop, order, refund, decision } = input;
  assertDecisionOf(input);
  const existing = await findDocuments(trx, {
    shopCode: shop.code,
    shopifyRefundId: refund.shopifyId,
    linkedOnly: true,
  });
  const [first] = decision.documents;
  if (existing.length > 0 || !first) return { ok: true, documents: existing, created: false };
  const [target] = await findDocuments(trx, {
    shopCode: shop.code,
    number: first.appliesTo.number,
    linkedOnly: true,
  });
  if (!target || target.shopifyOrderId !== order.shopifyId)
    return refuse(
      'applies_to_not_found',
      `Refund ${refund.shopifyId} of order ${order.name} applies to ${first.appliesTo.number}, which is not a document of the order (unlinked or missing)`,
    );

  const change = decision.documents.find((d): d is SalesOrderChangeDraft => d.kind === 'sales_order_change');
  let update: SalesOrderUpdate | null = null;
  if (change) {
    const planned =
      target.type === 'sales_order'
        ? planSalesOrderChange(target, change, await shippedByLine(trx, target.id!))
        : null;
    if (!planned) return refuse('sales_order_changed', `${target.number} is no sales order any more`);
    if (!planned.ok) return refuse(planned.code, planned.message);
    update = planned.update;
  }
  const plans: Planned[] = [];
  for (const document of documentsToWrite(input, target, change)) {
    const posting = postDocument(document, shop);
    if (!posting.ok) return { ok: false, error: posting.error };
    plans.push({ document, posting: posting.lines });
  }

  const documents = await persist(trx, plans, (input.now ?? (() => new Date()))().toISOString());
  if (update) await writeSalesOrderChange(trx, update);
  const voucher = (
    type: 'inventory_adjustment' | 'credit_memo' | 'inventory_credit_memo' | 'sales_invoice',
  ) => {
    const found = documents.find((d) => d.type === type);
    return found ? { type, number: found.number! } : null;
  };
  const credit = voucher('credit_memo') ?? voucher('inventory_credit_memo') ?? voucher('sales_invoice');
  await writeStockMovements(
    trx,
    refundMovements(decision.stock, { credit, adjustment: voucher('inventory_adjustment') }, change ?? null),
  );
  return { ok: true, documents, created: true };
}

function documentsToWrite(
  input: CreateRefundDocumentsInput,
  target: BooksDocument,
  change: SalesOrderChangeDraft | undefined,
): RefundDocumentToWrite[] {
  const appliedTo: AppliedTo = {
    number: target.number!,
    customerNo: target.customerNo!,
    taxAreaCode: target.taxAreaCode,
  };
  const documents = input.decision.documents.map((draft) => refundDocument(draft, appliedTo));
  const removed = input.decision.stock.filter((e) => e.kind === 'adjustment_out' && e.onHand !== 0);
  if (change && removed.length > 0) documents.push(inventoryAdjustment(change, removed, appliedTo));
  return documents;
}

/** Numbers (one statement per series), documents and lines, and every posting in one statement. */
async function persist(
  trx: Kysely<Database>,
  plans: readonly Planned[],
  postedAt: string,
): Promise<BooksDocument[]> {
  const numbers = await numberEach(
    trx,
    plans.map((p) => p.document.type),
  );
  const documents = plans.map(({ document: { posted, ...document } }, index) => ({
    ...document,
    id: null,
    number: numbers[index]!,
    postedAt: posted ? postedAt : null,
  }));
  const ids = await insertDocuments(trx, documents);
  await insertGlEntries(
    trx,
    documents.map((document, index) => ({
      shopCode: document.shopCode,
      postingDate: document.documentDate,
      documentType: document.type,
      documentNo: document.number,
      lines: plans[index]!.posting,
    })),
  );
  return documents.map((document, index) => ({ ...document, id: ids[index]! }));
}

/** The decision must be about this refund of this order of this shop: anything else is a caller's bug. */
function assertDecisionOf({ shop, order, refund, decision }: CreateRefundDocumentsInput): void {
  for (const draft of decision.documents)
    if (
      draft.shopCode !== shop.code ||
      draft.shopifyOrderId !== order.shopifyId ||
      draft.shopifyRefundId !== refund.shopifyId
    )
      throw new TypeError(
        `createRefundDocuments: a ${draft.kind} of refund ${draft.shopifyRefundId} (order ${draft.shopifyOrderId}, shop ${draft.shopCode}) was passed for refund ${refund.shopifyId} of order ${order.shopifyId} in shop ${shop.code}`,
      );
}

/** What posted shipments took off each line of a sales order. */
async function shippedByLine(trx: Kysely<Database>, documentId: number): Promise<Map<number, number>> {
  const rows = await trx
    .selectFrom('document_lines')
    .select(['line_no', 'quantity_shipped'])
    .where('document_id', '=', documentId)
    .where('quantity_shipped', '>', 0)
    .execute();
  return new Map(rows.map((row) => [row.line_no, row.quantity_shipped]));
}

function refuse(code: RefundBooksErrorCode, message: string): CreateRefundDocumentsResult {
  return { ok: false, error: { code, message } };
}
