import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { ShopConnection } from '../shops/index.ts';
import { lockOrders } from './lock-orders.ts';
import { findMirroredOrders } from './mirror-repository.ts';
import type { SyncDeps } from './ports.ts';
import {
  asRefusal,
  decideAndBook,
  refundOf,
  resultOf,
  settled,
  type Refusal,
  type RefundResult,
} from './refund-booking.ts';
import { listOpenRefunds, updateRefund, type ImportedRefund } from './refund-repository.ts';

/**
 * Decides and books a batch of refunds in the caller's transaction, each in its own savepoint: a
 * refund's documents, postings, stock movements and status are written together, and a refusal
 * rolls back to its savepoint (its number series too, so numbers stay gap-free) and records the
 * error, leaving the refunds before and after it alone. Refunds of one order go in turn, each
 * seeing what the one before wrote, as one per transaction. Every order of the batch is locked
 * first, in one sorted pass (lockOrders), then the refunds' statuses and the orders' mirrors are
 * read once: neither changes while the locks are held (booking a refund writes neither mirror
 * nor another refund's row). Anything but a refusal is thrown and rolls the whole batch back.
 * Refusals are returned to be announced once the transaction has committed.
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
  const results: RefundResult[] = [];
  const refusals: Refusal[] = [];
  for (const imported of batch) {
    const now = statusOf.get(imported.shopifyRefundId);
    // Another worker settled it while this one waited for the locks.
    if (now && settled(now)) continue;
    const key = { shopCode: imported.shopCode, shopifyRefundId: imported.shopifyRefundId };
    const base = { shopifyOrderId: imported.shopifyOrderId, shopifyRefundId: imported.shopifyRefundId };
    let orderName = imported.shopifyOrderId;
    await sql`savepoint refund`.execute(trx);
    try {
      const { order, refund } = refundOf(mirrors.get(imported.shopifyOrderId), imported);
      orderName = order.name;
      const booked = await decideAndBook(trx, deps, connection, order, refund);
      await updateRefund(trx, key, booked.update);
      await sql`release savepoint refund`.execute(trx);
      results.push(
        booked.update.status === 'processed'
          ? { ...base, orderName, status: 'processed', documents: booked.documents }
          : { ...base, orderName, ...resultOf(booked.update, imported.attempts) },
      );
    } catch (error) {
      const refused = asRefusal(error);
      await sql`rollback to savepoint refund`.execute(trx);
      await updateRefund(trx, key, refused.update);
      refusals.push({ imported, orderName, update: refused.update });
      results.push({ ...base, orderName, ...resultOf(refused.update, imported.attempts) });
    }
  }
  return { results, refusals };
}
