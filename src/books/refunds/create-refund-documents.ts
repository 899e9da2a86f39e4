import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order, Refund } from '../../domain/order.ts';
import type { RefundDecision, SalesOrderChangeDraft } from '../../rules/refund-decision.ts';
import type { PostingLine, PostingSettings } from '../../rules/posting.ts';
import { findLinkedDocumentsWith, insertDocuments } from '../documents/documents-repository.ts';
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
import { salesOrdersChanged, shippedByLine } from './shipped-by-line.ts';

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
  const { shop, now, ...refund } = input;
  const [result] = await createRefundDocumentsForRefunds(trx, { shop, now, refunds: [refund] });
  return result!;
}

/** One refund of a batch and its decision (createRefundDocumentsForRefunds). */
export type RefundToBook = Omit<CreateRefundDocumentsInput, 'shop' | 'now'>;

/**
 * createRefundDocuments for a batch of refunds, each of another order, in a constant number of
 * statements (plus three per sales order change): results[i], and what is written, are what
 * calling it for each refund in turn would give (same numbers in the same order; a refusal
 * writes nothing for its refund and the others go on). Refunds of one order must go in separate
 * calls: the second is decided on what the first wrote. Anything thrown (a bug, the database)
 * leaves the batch half-written for the caller's transaction to roll back.
 */
export async function createRefundDocumentsForRefunds(
  trx: Kysely<Database>,
  input: {
    shop: CreateRefundDocumentsInput['shop'];
    refunds: readonly RefundToBook[];
    now?: (() => Date) | undefined;
  },
): Promise<CreateRefundDocumentsResult[]> {
  const { shop, refunds } = input;
  assertOneRefundPerOrder(refunds);
  for (const refund of refunds) assertDecisionOf({ shop, ...refund });
  const existing = groupBy(
    await findLinkedDocumentsWith(
      trx,
      shop.code,
      'shopify_refund_id',
      refunds.map(({ refund }) => refund.shopifyId),
    ),
    (document) => document.shopifyRefundId!,
  );
  const targetNos = refunds.flatMap(({ refund, decision }) =>
    existing.has(refund.shopifyId) || !decision.documents[0] ? [] : [decision.documents[0].appliesTo.number],
  );
  const targets = groupBy(
    await findLinkedDocumentsWith(trx, shop.code, 'number', targetNos),
    (document) => document.number!,
  );
  const shipped = await shippedByLine(trx, salesOrdersChanged(refunds, targets));
  const slots = refunds.map((refund) =>
    planRefund({ shop, ...refund }, existing.get(refund.refund.shopifyId) ?? [], targets, shipped),
  );
  const planned = slots.filter((slot): slot is PlannedRefund => 'plans' in slot);
  const written = await persist(trx, planned, (input.now ?? (() => new Date()))().toISOString());
  return slots.map((slot) =>
    'plans' in slot ? { ok: true, documents: written.get(slot)!, created: true } : slot,
  );
}

/** What a refund of the batch will write, once numbered. */
interface PlannedRefund {
  plans: Planned[];
  update: SalesOrderUpdate | null;
  change: SalesOrderChangeDraft | null;
  stock: RefundDocumentsDecision['stock'];
}

/** One refund decided against the batch's reads: its documents back, a refusal, or what to write. */
function planRefund(
  input: CreateRefundDocumentsInput,
  existing: BooksDocument[],
  targets: ReadonlyMap<string, BooksDocument[]>,
  shipped: ReadonlyMap<number, Map<number, number>>,
): CreateRefundDocumentsResult | PlannedRefund {
  const { shop, order, refund, decision } = input;
  const [first] = decision.documents;
  if (existing.length > 0 || !first) return { ok: true, documents: existing, created: false };
  const [target] = targets.get(first.appliesTo.number) ?? [];
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
        ? planSalesOrderChange(target, change, shipped.get(target.id!) ?? new Map())
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
  return { plans, update, change: change ?? null, stock: decision.stock };
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

/**
 * Numbers (one statement per series), documents and lines, every posting and every stock movement
 * of the batch, each in one statement, in the refunds' order; then each sales order change.
 */
async function persist(
  trx: Kysely<Database>,
  refunds: readonly PlannedRefund[],
  postedAt: string,
): Promise<Map<PlannedRefund, BooksDocument[]>> {
  const plans = refunds.flatMap((refund) => refund.plans);
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
  const written = new Map<PlannedRefund, BooksDocument[]>();
  let next = 0;
  for (const refund of refunds) {
    const own = documents.slice(next, next + refund.plans.length);
    written.set(
      refund,
      own.map((document, index) => ({ ...document, id: ids[next + index]! })),
    );
    next += refund.plans.length;
  }
  for (const refund of refunds) if (refund.update) await writeSalesOrderChange(trx, refund.update);
  await writeStockMovements(
    trx,
    refunds.flatMap((refund) => stockOf(refund, written.get(refund)!)),
  );
  return written;
}

/** A refund's stock movements, its documents as vouchers. */
function stockOf(refund: PlannedRefund, documents: readonly BooksDocument[]) {
  const voucher = (
    type: 'inventory_adjustment' | 'credit_memo' | 'inventory_credit_memo' | 'sales_invoice',
  ) => {
    const found = documents.find((d) => d.type === type);
    return found ? { type, number: found.number! } : null;
  };
  const credit = voucher('credit_memo') ?? voucher('inventory_credit_memo') ?? voucher('sales_invoice');
  return refundMovements(
    refund.stock,
    { credit, adjustment: voucher('inventory_adjustment') },
    refund.change,
  );
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

/** Refunds of one order in one batch would be decided on reads the first one's writes make stale. */
function assertOneRefundPerOrder(refunds: readonly RefundToBook[]): void {
  const orders = new Set(refunds.map(({ order }) => order.shopifyId));
  if (orders.size !== refunds.length)
    throw new TypeError('createRefundDocumentsForRefunds: two refunds of one order in one batch');
}

/** Values by key, each group in the order given. */
function groupBy<V>(values: readonly V[], keyOf: (value: V) => string): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const value of values) groups.set(keyOf(value), [...(groups.get(keyOf(value)) ?? []), value]);
  return groups;
}

function refuse(code: RefundBooksErrorCode, message: string): CreateRefundDocumentsResult {
  return { ok: false, error: { code, message } };
}
