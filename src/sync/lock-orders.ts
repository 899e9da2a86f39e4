import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.ts';

/**
 * Takes the caller's transaction's lock on each order (released at commit or rollback). A
 * webhook's job, the periodic sync and an operator's command may reach one order at the same
 * time on different workers; whoever comes second waits, then reads what the first committed
 * and finds nothing left to do, instead of both writing documents and one failing on the unique
 * keys. Keys are taken in one sorted pass, so two transactions locking overlapping batches
 * cannot deadlock.
 */
export async function lockOrders(
  trx: Kysely<Database>,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<void> {
  if (shopifyOrderIds.length === 0) return;
  const keys = shopifyOrderIds.map((id) => `${shopCode}:${id}`);
  await sql`
    select pg_advisory_xact_lock(key)
    from (select distinct hashtextextended(k, 0) as key from unnest(${keys}::text[]) as k order by key) as keys
  `.execute(trx);
}
