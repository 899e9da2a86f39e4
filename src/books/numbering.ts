import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConfigurationError } from '../shared/errors.ts';

/** The number series migration 0003 creates: one per document type, plus new customers. */
export type NumberSeriesCode =
  'sales_order' | 'sales_invoice' | 'cash_sale' | 'inventory_adjustment' | 'customer';

/**
 * The next number of a series ("SO-000001"), taken inside the caller's transaction: the update
 * locks the series row, so concurrent imports on PostgreSQL queue for it and a rolled-back
 * import gives its number back (no gaps from failures).
 */
export async function nextNumber(trx: Kysely<Database>, code: NumberSeriesCode): Promise<string> {
  const row = await trx
    .updateTable('number_series')
    .set({ last_no: sql<number>`last_no + 1` })
    .where('code', '=', code)
    .returning(['prefix', 'width', 'last_no'])
    .executeTakeFirst();
  if (!row) throw new ConfigurationError(`Number series "${code}" does not exist`);
  return `${row.prefix}${String(row.last_no).padStart(row.width, '0')}`;
}
