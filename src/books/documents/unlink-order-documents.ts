import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * seed 002 "Unlink Processed Documents": the order's documents stay (a person processes them by
 * hand; "This action doesn't delete the already created sales document") but no longer belong
 * to the order, so importing it again creates new ones. Replaying it is a no-op.
 * Returns the numbers of the documents unlinked now.
 */
export async function unlinkOrderDocuments(
  trx: Kysely<Database>,
  input: { shopCode: string; shopifyOrderId: string },
): Promise<string[]> {
  const rows = await trx
    .updateTable('documents')
    .set({ unlinked_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('shop_code', '=', input.shopCode)
    .where('shopify_order_id', '=', input.shopifyOrderId)
    .where('unlinked_at', 'is', null)
    .returning('number')
    .execute();
  return rows.map((row) => row.number).sort();
}
