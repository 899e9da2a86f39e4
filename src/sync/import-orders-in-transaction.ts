import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Order } from '../domain/order.ts';
import { refundConversion } from '../rules/order-change.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { ShopConnection } from '../shops/index.ts';
import { planImport, type ImportPlan } from './plan-import.ts';
import {
  findMirroredOrders,
  latestOrderVersions,
  recordRefundsOfOrders,
  upsertMirroredOrders,
  type MirrorWrite,
} from './mirror-repository.ts';
import type { DocumentSummary, SalesDocumentsOutcome, SyncDeps } from './ports.ts';
import { lockOrders } from './lock-orders.ts';
import { deleteImportedStagedOrders } from './staging-repository.ts';

/** What importing one order did; the write-back follows once its transaction commits. */
export interface ImportDone {
  order: Order;
  documents: DocumentSummary[];
  result: { action: ImportPlan['action']; conflict: boolean; documents: DocumentSummary[] };
}

/** Per order: imported, or refused by books (missing SKU, missing customer) with nothing of it written. */
export type OrderImportOutcome =
  | { shopifyOrderId: string; done: ImportDone }
  | { shopifyOrderId: string; refused: { code: string; message: string } };

export interface ImportFlags {
  /** Create the sales documents (the shop's autoCreateDocuments, or the operator's request). */
  create: boolean;
  /** The operator forces Shopify's state onto an order marked conflict. */
  force: boolean;
  /** Keep each document's JSON in the outcome (Default: true). */
  withJson?: boolean | undefined;
}

/**
 * Step 2 for staged orders, in the caller's transaction (seed 002 "Under the hood"): per order,
 * seed 002's edit table against the mirror (planImport), the sales documents when they are due,
 * then the mirror, the order's refunds and the staging row. Each order stands alone: books
 * decides every order before it writes anything, so a refusal leaves nothing of that order
 * written and the others go on. The whole batch is read and written in a fixed number of
 * statements (an import of 100 orders is a handful of round trips, not a thousand).
 */
export async function importOrdersInTransaction(
  trx: Kysely<Database>,
  deps: SyncDeps,
  connection: ShopConnection,
  shopifyOrderIds: readonly string[],
  flags: ImportFlags,
): Promise<OrderImportOutcome[]> {
  const shopCode = connection.settings.code;
  await lockOrders(trx, shopCode, shopifyOrderIds);
  const versions = await latestOrderVersions(trx, shopCode, shopifyOrderIds);
  const mirrors = await findMirroredOrders(trx, shopCode, shopifyOrderIds);
  const planned = shopifyOrderIds.map((id) => {
    const order = versions.get(id);
    if (!order) throw new NotFoundError(`Order ${id} has no version from Shopify in shop "${shopCode}"`);
    return { order, plan: planImport({ shopCode, order, mirrored: mirrors.get(id), ...flags }) };
  });
  const documents = await createDocuments(trx, deps, connection, planned, flags.withJson ?? true);
  const outcomes: OrderImportOutcome[] = [];
  const mirrorWrites: MirrorWrite[] = [];
  planned.forEach(({ order, plan }, index) => {
    const outcome = documents[index];
    if (outcome && !outcome.ok) {
      outcomes.push({ shopifyOrderId: order.shopifyId, refused: outcome.error });
      return;
    }
    const created = outcome?.documents ?? [];
    mirrorWrites.push({
      order,
      conflictMessage: plan.conflictMessage,
      ...(plan.createDocuments && {
        processed: true,
        documentNos: created.flatMap((d) => (d.number === null ? [] : [d.number])),
      }),
    });
    const result = { action: plan.action, conflict: plan.conflictMessage !== null, documents: created };
    outcomes.push({ shopifyOrderId: order.shopifyId, done: { order, documents: created, result } });
  });
  const imported = mirrorWrites.map((write) => write.order);
  await upsertMirroredOrders(trx, shopCode, mirrorWrites);
  await recordRefundsOfOrders(
    trx,
    shopCode,
    imported.flatMap((order) =>
      order.refunds.map((refund) => ({
        shopifyOrderId: order.shopifyId,
        refund,
        conversion: refundConversion(refund),
      })),
    ),
  );
  const unstaged = await deleteImportedStagedOrders(trx, shopCode, imported);
  // While this import was on its way an operator deleted a row (excluded the order), or a newer
  // version was staged: roll back (a batch is then imported one order at a time, on fresh reads).
  if (unstaged !== imported.length)
    throw new NotFoundError(
      `An order of this import is no longer waiting to be imported in shop "${shopCode}"`,
    );
  return outcomes;
}

/** books' outcome for each planned order that is due its documents (undefined for the others). */
async function createDocuments(
  trx: Kysely<Database>,
  deps: SyncDeps,
  connection: ShopConnection,
  planned: readonly { order: Order; plan: ImportPlan }[],
  withJson: boolean,
): Promise<(SalesDocumentsOutcome | undefined)[]> {
  const due = planned.flatMap(({ order, plan }, index) => (plan.createDocuments ? [{ order, index }] : []));
  const outcomes: (SalesDocumentsOutcome | undefined)[] = planned.map(() => undefined);
  if (due.length === 0) return outcomes;
  const created = await deps.books.createSalesDocumentsForOrders(trx, {
    shop: connection.settings,
    orders: due.map(({ order }) => order),
    withJson,
  });
  due.forEach(({ index }, at) => (outcomes[index] = created[at]));
  return outcomes;
}
