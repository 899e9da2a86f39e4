import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { AppError, NotFoundError } from '../shared/errors.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import {
  importOrdersInTransaction,
  type ImportDone,
  type ImportFlags,
} from './import-orders-in-transaction.ts';
import type { ImportPlan } from './plan-import.ts';
import type { DocumentSummary, SyncDeps } from './ports.ts';
import { findStagedOrder, markStagedOrderFailed } from './staging-repository.ts';
import { writeBackDocumentNo, type WriteBack } from './write-back-document-no.ts';

export type { ImportDone } from './import-orders-in-transaction.ts';

export interface ImportOptions {
  /** Create the sales documents whatever the shop's autoCreateDocuments says (Default: the shop's setting). */
  createDocuments?: boolean | undefined;
  /** The shop, when the caller has loaded it already. */
  connection?: ShopConnection | undefined;
  /** The operator forces Shopify's state onto an order marked conflict (seed 002 "Synch order from Shopify"). */
  force?: boolean | undefined;
  /** The run tries this order a second time: a failure again is not one more attempt. */
  sameRunRetry?: boolean | undefined;
}

export type ImportResult =
  | {
      status: 'imported';
      shopifyOrderId: string;
      name: string;
      action: ImportPlan['action'];
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
    await markStagedOrderFailed(deps.db, { shopCode, shopifyOrderId }, failure, {
      countAttempt: !options.sameRunRetry,
    });
    deps.logger?.warn({ shopCode, shopifyOrderId, code: error.code }, 'order import failed');
    deps.onImportError?.(shopCode, error.code);
    return { status: 'failed', shopifyOrderId, name: staged.name, error: failure };
  }
}

/** One order's import in the caller's transaction; a refusal throws ImportRefused, nothing of the order written. */
export async function importInTransaction(
  trx: Kysely<Database>,
  deps: SyncDeps,
  connection: ShopConnection,
  shopifyOrderId: string,
  flags: ImportFlags,
): Promise<ImportDone> {
  const [outcome] = await importOrdersInTransaction(trx, deps, connection, [shopifyOrderId], flags);
  if (!outcome) throw new NotFoundError(`Order ${shopifyOrderId} was not imported`);
  if ('refused' in outcome) throw new ImportRefused(outcome.refused.code, outcome.refused.message);
  return outcome.done;
}
