import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Order, Refund } from '../domain/order.ts';
import { refundDocuments, type RefundDocumentsOutcome } from '../rules/refund-documents.ts';
import { AppError, ConflictError } from '../shared/errors.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import { lockOrders } from './lock-orders.ts';
import { findMirroredOrder } from './mirror-repository.ts';
import type { DocumentSummary, SyncDeps } from './ports.ts';
import {
  listOpenRefunds,
  updateRefund,
  type ImportedRefund,
  type RefundUpdate,
} from './refund-repository.ts';

export type RefundResult = {
  shopifyOrderId: string;
  shopifyRefundId: string;
  orderName: string;
} & (
  | { status: 'processed'; documents: DocumentSummary[] }
  | { status: 'waiting' | 'not_convertible'; reason: string; message: string }
  | { status: 'error'; code: string; message: string; attempts: number }
);

/**
 * Decides and books the shop's open refunds (seed 002 "Returns and refunds", seed 000): each
 * refund in its own transaction, so its documents, postings and stock movements commit together or
 * not at all (issue 6 item 5). A refusal (missing account, unknown item) leaves the refund imported
 * with its error, one more attempt, and it is decided again on the next sync; a refund waiting for
 * a pending transaction or for its sales document likewise. `shopifyRefundIds` picks refunds (an
 * operator's command in "import only" mode, or a retry of one).
 */
export async function processRefunds(
  deps: SyncDeps,
  shopCode: string,
  options: {
    shopifyRefundIds?: readonly string[] | undefined;
    /** Only the refunds of these orders (a webhook's job for one order). */
    shopifyOrderIds?: readonly string[] | undefined;
    connection?: ShopConnection | undefined;
  } = {},
): Promise<RefundResult[]> {
  const connection = options.connection ?? (await getShopConnection(deps, shopCode));
  if (connection.settings.returnsAndRefundsMode === 'none')
    throw new ConflictError(
      `returnsAndRefundsMode: shop "${shopCode}" ignores returns and refunds ("none"); set it to import_only or auto_create_credit_memo first`,
    );
  const results: RefundResult[] = [];
  const refunds = await listOpenRefunds(deps.db, shopCode, options.shopifyRefundIds, options.shopifyOrderIds);
  for (const refund of refunds) {
    if (settled(refund)) continue;
    const result = await processRefund(deps, connection, refund);
    if (result) results.push(result);
  }
  return results;
}

function settled(refund: ImportedRefund): boolean {
  return refund.status === 'processed' || refund.status === 'not_convertible';
}

/** Another worker settled the refund while this one waited for its order's lock. */
class AlreadySettled extends Error {}

/** Rolls a refund's transaction back with what to record instead. */
class RefundRefused extends Error {
  constructor(readonly update: Extract<RefundUpdate, { status: 'error' }>) {
    super(update.message);
  }
}

async function processRefund(
  deps: SyncDeps,
  connection: ShopConnection,
  imported: ImportedRefund,
): Promise<RefundResult | null> {
  const key = { shopCode: imported.shopCode, shopifyRefundId: imported.shopifyRefundId };
  const base = { shopifyOrderId: imported.shopifyOrderId, shopifyRefundId: imported.shopifyRefundId };
  let orderName = imported.shopifyOrderId;
  try {
    const booked = await deps.db.transaction().execute(async (trx) => {
      await lockOrders(trx, imported.shopCode, [imported.shopifyOrderId]);
      const [current] = await listOpenRefunds(trx, imported.shopCode, [imported.shopifyRefundId]);
      if (current && settled(current)) throw new AlreadySettled();
      const { order, refund } = await refundOfMirror(trx, imported);
      orderName = order.name;
      const booked = await decideAndBook(trx, deps, connection, order, refund);
      await updateRefund(trx, key, booked.update);
      return booked;
    });
    if (booked.update.status === 'processed')
      return { ...base, orderName, status: 'processed', documents: booked.documents };
    return { ...base, orderName, ...resultOf(booked.update, imported.attempts) };
  } catch (error) {
    if (error instanceof AlreadySettled) return null;
    const refused = asRefusal(error);
    await updateRefund(deps.db, key, refused.update);
    deps.logger?.warn({ ...key, code: refused.update.code }, 'refund not processed');
    // One email per refund and error (seed 000): the same error retried on every sync says nothing new.
    if (imported.status !== 'error' || imported.errorCode !== refused.update.code)
      await deps.notifier?.refundFailed({
        shop: connection.settings,
        shopifyOrderName: orderName,
        shopifyOrderId: imported.shopifyOrderId,
        shopifyRefundId: imported.shopifyRefundId,
        code: refused.update.code,
        message: refused.update.message,
        attempts: imported.attempts + 1,
      });
    return { ...base, orderName, ...resultOf(refused.update, imported.attempts) };
  }
}

async function decideAndBook(
  trx: Kysely<Database>,
  deps: SyncDeps,
  connection: ShopConnection,
  order: Order,
  refund: Refund,
): Promise<{ update: RefundUpdate; documents: DocumentSummary[] }> {
  const shop = connection.settings;
  const inputs = await deps.books.refundInputs(trx, { shop, order, refund });
  const outcome: RefundDocumentsOutcome = refundDocuments({ order, refund, settings: shop, ...inputs });
  if (!outcome.ok) {
    const [first] = outcome.errors;
    const message = outcome.errors.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new RefundRefused({ status: 'error', code: first?.code ?? 'refund_refused', message });
  }
  const { decision } = outcome;
  if (decision.outcome !== 'documents') {
    const status = decision.outcome === 'wait' ? ('waiting' as const) : decision.outcome;
    const update = { status, reason: decision.reason, message: decision.message };
    return { update, documents: [] };
  }
  const booked = await deps.books.createRefundDocuments(trx, { shop, order, refund, decision });
  if (!booked.ok) throw new RefundRefused({ status: 'error', ...booked.error });
  const documentNos = booked.documents.flatMap((document) =>
    document.number === null ? [] : [document.number],
  );
  return { update: { status: 'processed', documentNos }, documents: booked.documents };
}

/** The refund as the mirror holds it now (the newest version of its order imported). */
async function refundOfMirror(
  trx: Kysely<Database>,
  imported: ImportedRefund,
): Promise<{ order: Order; refund: Refund }> {
  const mirrored = await findMirroredOrder(trx, imported.shopCode, imported.shopifyOrderId);
  const refund = mirrored?.order.refunds.find((r) => r.shopifyId === imported.shopifyRefundId);
  if (!mirrored || !refund)
    throw new RefundRefused({
      status: 'error',
      code: 'refund_not_found',
      message: `Refund ${imported.shopifyRefundId} is not on order ${imported.shopifyOrderId} as imported; re-import the order`,
    });
  return { order: mirrored.order, refund };
}

function asRefusal(error: unknown): RefundRefused {
  if (error instanceof RefundRefused) return error;
  if (error instanceof AppError)
    return new RefundRefused({ status: 'error', code: error.code, message: error.message });
  throw error;
}

function resultOf(update: Exclude<RefundUpdate, { status: 'processed' }>, attemptsBefore: number) {
  return update.status === 'error' ? { ...update, attempts: attemptsBefore + 1 } : update;
}
