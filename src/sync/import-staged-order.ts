import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Order } from '../domain/order.ts';
import {
  conflictMessage,
  decideOrderUpdate,
  refundConversion,
  type OrderUpdateDecision,
} from '../rules/order-change.ts';
import { AppError, NotFoundError } from '../shared/errors.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import {
  findMirroredOrder,
  latestOrderVersion,
  recordOrderRefunds,
  type OrderRefundRecord,
  upsertMirroredOrder,
  type MirroredOrder,
} from './mirror-repository.ts';
import { documentNoAttributeKey, type DocumentSummary, type SyncDeps } from './ports.ts';
import { deleteStagedOrders, findStagedOrder, markStagedOrderFailed } from './staging-repository.ts';
import { writeBackDocumentNo, type WriteBack } from './write-back-document-no.ts';

export interface ImportOptions {
  /** Create the sales documents whatever the shop's autoCreateDocuments says (Default: the shop's setting). */
  createDocuments?: boolean | undefined;
  /** The shop, when the caller has loaded it already. */
  connection?: ShopConnection | undefined;
  /** The operator forces Shopify's state onto an order marked conflict (seed 002 "Synch order from Shopify"). */
  force?: boolean | undefined;
}

export type ImportResult =
  | {
      status: 'imported';
      shopifyOrderId: string;
      name: string;
      action: OrderUpdateDecision['action'] | 'new';
      conflict: boolean;
      documents: DocumentSummary[];
      writeBack: WriteBack;
    }
  | { status: 'failed'; shopifyOrderId: string; name: string; error: { code: string; message: string } };

/**
 * A business refusal from books (missing SKU, missing customer): rolls the import back. books
 * returns it before writing anything (docs/order-import.md), so nothing of this order is written.
 */
export class ImportRefused extends AppError {
  readonly retryable = false;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Step 2 for one staged order (seed 002): mirror it, apply seed 002's edit table to an order seen
 * before, and create its sales documents when the shop auto-creates them (or on request), all in
 * one transaction. A failure rolls everything back and marks the staging row with the error and
 * one more attempt; the caller goes on with the next order.
 */
export async function importStagedOrder(
  deps: SyncDeps,
  shopCode: string,
  shopifyOrderId: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const connection = options.connection ?? (await getShopConnection(deps, shopCode));
  const staged = await findStagedOrder(deps.db, shopCode, shopifyOrderId);
  if (!staged)
    throw new NotFoundError(`Order ${shopifyOrderId} is not waiting to be imported in shop "${shopCode}"`);
  const flags = {
    create: options.createDocuments ?? connection.settings.autoCreateDocuments,
    force: options.force ?? false,
  };
  try {
    const done = await deps.db
      .transaction()
      .execute((trx) => importInTransaction(trx, deps, connection, shopifyOrderId, flags));
    const writeBack = await writeBackDocumentNo(deps, connection, done.order, done.documents);
    return { status: 'imported', shopifyOrderId, name: done.order.name, ...done.result, writeBack };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const failure = { code: error.code, message: error.message };
    await markStagedOrderFailed(deps.db, { shopCode, shopifyOrderId }, failure);
    deps.logger?.warn({ shopCode, shopifyOrderId, code: error.code }, 'order import failed');
    return { status: 'failed', shopifyOrderId, name: staged.name, error: failure };
  }
}

/** What importInTransaction produces; the write-back follows once its transaction commits. */
export interface ImportDone {
  order: Order;
  documents: DocumentSummary[];
  result: { action: ImportPlan['action']; conflict: boolean; documents: DocumentSummary[] };
}

/**
 * The order's newest version and its mirror row, when the caller read them for a whole batch in
 * this transaction (importStagedOrders); read here otherwise.
 */
export interface PreloadedImportInputs {
  order: Order | undefined;
  mirrored: MirroredOrder | undefined;
  /** The batch writes these once for all its orders (same transaction): staging rows to delete, refunds to record. */
  deferred?: { stagedIds: string[]; refunds: OrderRefundRecord[] } | undefined;
}

/** The writes of one order's import, in the caller's transaction; a refusal throws ImportRefused before anything is written. */
export async function importInTransaction(
  trx: Kysely<Database>,
  deps: SyncDeps,
  connection: ShopConnection,
  shopifyOrderId: string,
  flags: { create: boolean; force: boolean },
  preloaded?: PreloadedImportInputs,
): Promise<ImportDone> {
  const shopCode = connection.settings.code;
  const order = preloaded ? preloaded.order : await latestOrderVersion(trx, shopCode, shopifyOrderId);
  if (!order)
    throw new NotFoundError(`Order ${shopifyOrderId} has no version from Shopify in shop "${shopCode}"`);
  const mirrored = preloaded ? preloaded.mirrored : await findMirroredOrder(trx, shopCode, shopifyOrderId);
  const plan = planImport({ shopCode, order, mirrored, ...flags });
  let documents: DocumentSummary[] = [];
  if (plan.createDocuments) {
    const outcome = await deps.books.createSalesDocuments(trx, {
      shop: connection.settings,
      order,
      dryRun: false,
    });
    if (!outcome.ok) throw new ImportRefused(outcome.error.code, outcome.error.message);
    documents = outcome.documents;
  }
  await upsertMirroredOrder(trx, shopCode, {
    order,
    conflictMessage: plan.conflictMessage,
    ...(plan.createDocuments && {
      processed: true,
      documentNos: documents.flatMap((d) => (d.number === null ? [] : [d.number])),
    }),
  });
  const refunds = order.refunds.map((refund) => ({ refund, conversion: refundConversion(refund) }));
  const deferred = preloaded?.deferred;
  if (deferred) {
    deferred.refunds.push(...refunds.map((refund) => ({ ...refund, shopifyOrderId })));
    deferred.stagedIds.push(shopifyOrderId);
  } else {
    await recordOrderRefunds(trx, shopCode, refunds, shopifyOrderId);
    await deleteStagedOrders(trx, shopCode, [shopifyOrderId]);
  }
  return {
    order,
    documents,
    result: { action: plan.action, conflict: plan.conflictMessage !== null, documents },
  };
}

interface ImportPlan {
  action: OrderUpdateDecision['action'] | 'new';
  createDocuments: boolean;
  conflictMessage: string | null;
}

/** Pure: what importing this version does, given the mirror (seed 002 "Effect of order editing"). */
export function planImport(input: {
  shopCode: string;
  order: Order;
  mirrored: MirroredOrder | undefined;
  create: boolean;
  force: boolean;
}): ImportPlan {
  const { order, mirrored } = input;
  // A cancelled order gets no new document: an unpaid one has nothing left to sell and a paid
  // one is "to be processed separately" through its refund (seed 002, cancel rows).
  const createDocuments = input.create && order.cancelledAt === null && !mirrored?.processed;
  if (!mirrored) return { action: 'new', createDocuments, conflictMessage: null };
  const kept = input.force ? null : mirrored.conflictMessage;
  if (Date.parse(mirrored.updatedAt) >= Date.parse(order.updatedAt)) {
    return { action: 'no_change', createDocuments, conflictMessage: kept };
  }
  const decision = decideOrderUpdate({
    previous: mirrored.order,
    next: order,
    processed: mirrored.processed,
    ownAttributeKey: documentNoAttributeKey,
  });
  const conflict =
    decision.action === 'mark_conflict' && !input.force ? conflictMessage(input.shopCode, order) : kept;
  return { action: decision.action, createDocuments, conflictMessage: conflict };
}
