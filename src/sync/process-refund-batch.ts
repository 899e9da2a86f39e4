import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Order, Refund } from '../domain/order.ts';
import type { ShopConnection } from '../shops/index.ts';
import { lockOrders } from './lock-orders.ts';
import { findMirroredOrders } from './mirror-repository.ts';
import type { DocumentSummary, RefundDocumentsDecision, SyncDeps } from './ports.ts';
import {
  asRefusal,
  bookedUpdate,
  decideRefund,
  refundOf,
  resultOf,
  settled,
  type Refusal,
  type RefundResult,
} from './refund-booking.ts';
import {
  listOpenRefunds,
  updateRefunds,
  type ImportedRefund,
  type RefundUpdate,
} from './refund-repository.ts';

/** A refund of the batch found on its order's mirror, to be decided. */
interface ToDecide {
  imported: ImportedRefund;
  order: Order;
  refund: Refund;
}

/** What the batch records on each refund it decided, in batch order. */
interface Decided {
  imported: ImportedRefund;
  orderName: string;
  update: RefundUpdate;
  documents: DocumentSummary[];
  refused: boolean;
}

/**
 * Decides and books a batch of refunds in the caller's transaction: a refund's documents,
 * postings, stock movements and status are written together, and a refusal writes nothing but
 * its error, leaving the refunds before and after it alone (books refuses before it writes).
 * Every order of the batch is locked first, in one sorted pass (lockOrders), then the refunds'
 * statuses and the orders' mirrors are read once: neither changes while the locks are held
 * (booking a refund writes neither mirror nor another refund's row). The refunds go in runs of
 * distinct orders, in batch order: a run reads its inputs and writes its documents in a constant
 * number of statements, and a second refund of an order goes in the next run, decided on what
 * the first one wrote, as one per transaction (numbers come out in the same order). Anything but
 * a refusal is thrown and rolls the whole batch back. Refusals are returned to be announced once
 * the transaction has committed.
 */
export async function bookRefundBatch(
  trx: Kysely<Database>,
  deps: SyncDeps,
  connection: ShopConnection,
  batch: readonly ImportedRefund[],
): Promise<{ results: RefundResult[]; refusals: Refusal[] }> {
  const shopCode = connection.settings.code;
  const orderIds = [...new Set(batch.map((refund) => refund.shopifyOrderId))];
  await lockOrders(trx, shopCode, orderIds);
  const current = await listOpenRefunds(
    trx,
    shopCode,
    batch.map((refund) => refund.shopifyRefundId),
  );
  const statusOf = new Map(current.map((refund) => [refund.shopifyRefundId, refund]));
  const mirrors = await findMirroredOrders(trx, shopCode, orderIds);
  const decided = new Map<ImportedRefund, Decided>();
  const toDecide: ToDecide[] = [];
  for (const imported of batch) {
    const now = statusOf.get(imported.shopifyRefundId);
    // Another worker settled it while this one waited for the locks.
    if (now && settled(now)) continue;
    try {
      toDecide.push({ imported, ...refundOf(mirrors.get(imported.shopifyOrderId), imported) });
    } catch (error) {
      decided.set(imported, refusedWith(imported, imported.shopifyOrderId, error));
    }
  }
  for (const run of runsOfDistinctOrders(toDecide))
    for (const outcome of await bookRun(trx, deps, connection, run)) decided.set(outcome.imported, outcome);
  const inOrder = batch.flatMap((imported) => decided.get(imported) ?? []);
  await updateRefunds(
    trx,
    shopCode,
    inOrder.map(({ imported, update }) => ({ shopifyRefundId: imported.shopifyRefundId, update })),
  );
  return { results: inOrder.map(resultOfDecided), refusals: inOrder.flatMap(refusalOf) };
}

/** Consecutive refunds, cut before a refund whose order the run already holds. */
function runsOfDistinctOrders(refunds: readonly ToDecide[]): ToDecide[][] {
  const runs: ToDecide[][] = [];
  let orders = new Set<string>();
  for (const refund of refunds) {
    const id = refund.imported.shopifyOrderId;
    if (runs.length === 0 || orders.has(id)) {
      runs.push([]);
      orders = new Set();
    }
    runs.at(-1)!.push(refund);
    orders.add(id);
  }
  return runs;
}

/** A run: the books' inputs read once, each refund decided (pure), the documents of all written at once. */
async function bookRun(
  trx: Kysely<Database>,
  deps: SyncDeps,
  connection: ShopConnection,
  run: readonly ToDecide[],
): Promise<Decided[]> {
  const shop = connection.settings;
  const inputs = await deps.books.refundInputsForRefunds(trx, { shop, refunds: run });
  const outcomes: (Decided | { decision: RefundDocumentsDecision })[] = run.map((entry, index) => {
    try {
      const decision = decideRefund(connection, entry.order, entry.refund, inputs[index]!);
      if ('decision' in decision) return decision;
      return { ...decidedBase(entry), update: decision.update, documents: [], refused: false };
    } catch (error) {
      return refusedWith(entry.imported, entry.order.name, error);
    }
  });
  const toBook = run.flatMap((entry, index) => {
    const outcome = outcomes[index]!;
    return 'decision' in outcome ? [{ ...entry, decision: outcome.decision }] : [];
  });
  const booked = await deps.books.createRefundDocumentsForRefunds(trx, { shop, refunds: toBook });
  let next = 0;
  return run.map((entry, index) => {
    const outcome = outcomes[index]!;
    if (!('decision' in outcome)) return outcome;
    const bookedOutcome = booked[next++]!;
    try {
      return { ...decidedBase(entry), ...bookedUpdate(bookedOutcome), refused: false };
    } catch (error) {
      return refusedWith(entry.imported, entry.order.name, error);
    }
  });
}

function decidedBase(entry: ToDecide) {
  return { imported: entry.imported, orderName: entry.order.name };
}

/** A refusal (anything else is rethrown by asRefusal): its error is recorded, nothing else. */
function refusedWith(imported: ImportedRefund, orderName: string, error: unknown): Decided {
  const refused = asRefusal(error);
  return { imported, orderName, update: refused.update, documents: [], refused: true };
}

function resultOfDecided({ imported, orderName, update, documents }: Decided): RefundResult {
  const base = { shopifyOrderId: imported.shopifyOrderId, shopifyRefundId: imported.shopifyRefundId };
  return update.status === 'processed'
    ? { ...base, orderName, status: 'processed', documents }
    : { ...base, orderName, ...resultOf(update, imported.attempts) };
}

function refusalOf({ imported, orderName, update, refused }: Decided): Refusal[] {
  return refused && update.status === 'error' ? [{ imported, orderName, update }] : [];
}
