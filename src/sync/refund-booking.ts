import type { Order, Refund } from '../domain/order.ts';
import { refundDocuments, type RefundDocumentsOutcome } from '../rules/refund-documents.ts';
import { AppError } from '../shared/errors.ts';
import type { ShopConnection } from '../shops/index.ts';
import type { MirroredOrder } from './mirror-repository.ts';
import type {
  DocumentSummary,
  RefundBooksInputs,
  RefundDocumentsDecision,
  SalesDocumentsOutcome,
  SyncDeps,
} from './ports.ts';
import type { ImportedRefund, RefundUpdate } from './refund-repository.ts';

/** Deciding and booking one refund, and what becomes of a refusal: shared by one refund per transaction and by a batch. */

export type RefundResult = {
  shopifyOrderId: string;
  shopifyRefundId: string;
  orderName: string;
} & (
  | { status: 'processed'; documents: DocumentSummary[] }
  | { status: 'waiting' | 'not_convertible'; reason: string; message: string }
  | { status: 'error'; code: string; message: string; attempts: number }
);

export function settled(refund: ImportedRefund): boolean {
  return refund.status === 'processed' || refund.status === 'not_convertible';
}

/** A refusal of one refund: what to record on it instead; nothing else of it is written. */
export class RefundRefused extends Error {
  constructor(readonly update: Extract<RefundUpdate, { status: 'error' }>) {
    super(update.message);
  }
}

export interface Refusal {
  imported: ImportedRefund;
  orderName: string;
  update: Extract<RefundUpdate, { status: 'error' }>;
}

/** Logs a refusal already recorded (committed) and emails it when it is news. */
export async function announceRefusal(
  deps: SyncDeps,
  connection: ShopConnection,
  { imported, orderName, update }: Refusal,
): Promise<void> {
  const key = { shopCode: imported.shopCode, shopifyRefundId: imported.shopifyRefundId };
  deps.logger?.warn({ ...key, code: update.code }, 'refund not processed');
  // One email per refund and error (seed 000): the same error retried on every sync says nothing new.
  if (imported.status !== 'error' || imported.errorCode !== update.code)
    await deps.notifier?.refundFailed({
      shop: connection.settings,
      shopifyOrderName: orderName,
      shopifyOrderId: imported.shopifyOrderId,
      shopifyRefundId: imported.shopifyRefundId,
      code: update.code,
      message: update.message,
      attempts: imported.attempts + 1,
    });
}

/**
 * The refund rule on the books' inputs (pure): what to record on the refund (waiting, not
 * convertible), or the documents to write. A refusal of the rule is thrown as RefundRefused.
 */
export function decideRefund(
  connection: ShopConnection,
  order: Order,
  refund: Refund,
  inputs: RefundBooksInputs,
): { update: RefundUpdate } | { decision: RefundDocumentsDecision } {
  const outcome: RefundDocumentsOutcome = refundDocuments({
    order,
    refund,
    settings: connection.settings,
    ...inputs,
  });
  if (!outcome.ok) {
    const [first] = outcome.errors;
    const message = outcome.errors.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new RefundRefused({ status: 'error', code: first?.code ?? 'refund_refused', message });
  }
  const { decision } = outcome;
  if (decision.outcome === 'documents') return { decision };
  const status = decision.outcome === 'wait' ? ('waiting' as const) : decision.outcome;
  return { update: { status, reason: decision.reason, message: decision.message } };
}

/** What books' booking of the documents records on the refund; its refusal thrown as RefundRefused. */
export function bookedUpdate(booked: SalesDocumentsOutcome): {
  update: RefundUpdate;
  documents: DocumentSummary[];
} {
  if (!booked.ok) throw new RefundRefused({ status: 'error', ...booked.error });
  const documentNos = booked.documents.flatMap((document) =>
    document.number === null ? [] : [document.number],
  );
  return { update: { status: 'processed', documentNos }, documents: booked.documents };
}

/** The refund on its order's mirror, or a refusal naming what is missing. */
export function refundOf(
  mirrored: MirroredOrder | undefined,
  imported: ImportedRefund,
): { order: Order; refund: Refund } {
  const refund = mirrored?.order.refunds.find((r) => r.shopifyId === imported.shopifyRefundId);
  if (!mirrored || !refund)
    throw new RefundRefused({
      status: 'error',
      code: 'refund_not_found',
      message: `Refund ${imported.shopifyRefundId} is not on order ${imported.shopifyOrderId} as imported; re-import the order`,
    });
  return { order: mirrored.order, refund };
}

export function asRefusal(error: unknown): RefundRefused {
  if (error instanceof RefundRefused) return error;
  if (error instanceof AppError)
    return new RefundRefused({ status: 'error', code: error.code, message: error.message });
  throw error;
}

export function resultOf(update: Exclude<RefundUpdate, { status: 'processed' }>, attemptsBefore: number) {
  return update.status === 'error' ? { ...update, attempts: attemptsBefore + 1 } : update;
}
