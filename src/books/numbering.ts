import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConfigurationError } from '../shared/errors.ts';

/** The number series migrations 0003, 0005 and 0015 create: one per document type, plus new customers. */
export type NumberSeriesCode =
  | 'sales_order'
  | 'sales_invoice'
  | 'cash_sale'
  | 'inventory_adjustment'
  | 'customer'
  | 'credit_memo'
  | 'inventory_credit_memo'
  | 'customer_refund'
  | 'sales_order_change'
  | 'sales_shipment';

/**
 * The next number of a series ("SO-000001"), taken inside the caller's transaction: the update
 * locks the series row, so concurrent imports on PostgreSQL queue for it and a rolled-back
 * import gives its number back (no gaps from failures).
 */
export async function nextNumber(trx: Kysely<Database>, code: NumberSeriesCode): Promise<string> {
  const [number] = await reserveNumbers(trx, code, 1);
  return number!;
}

/**
 * A number for each of a batch's documents, in order, from each one's series: one statement per
 * series, as one by one would number them (a batch of order or refund documents).
 */
export async function numberEach(
  trx: Kysely<Database>,
  types: readonly NumberSeriesCode[],
): Promise<string[]> {
  const numbers = new Map<NumberSeriesCode, string[]>();
  // Series in one fixed order: two transactions that lock the same two series never wait for each
  // other crosswise (a deadlock), whatever order their documents come in.
  for (const type of [...new Set(types)].sort())
    numbers.set(type, await reserveNumbers(trx, type, types.filter((t) => t === type).length));
  return types.map((type) => numbers.get(type)!.shift()!);
}

/**
 * The next `count` numbers of a series in one statement, in order: what `count` calls of
 * nextNumber would give, with the same lock and the same rollback (a batch of documents).
 */
export async function reserveNumbers(
  trx: Kysely<Database>,
  code: NumberSeriesCode,
  count: number,
): Promise<string[]> {
  if (count === 0) return [];
  const row = await trx
    .updateTable('number_series')
    .set({ last_no: sql<number>`last_no + ${count}` })
    .where('code', '=', code)
    .returning(['prefix', 'width', 'last_no'])
    .executeTakeFirst();
  if (!row) throw new ConfigurationError(`Number series "${code}" does not exist`);
  const first = row.last_no - count + 1;
  return Array.from(
    { length: count },
    (_, index) => `${row.prefix}${String(first + index).padStart(row.width, '0')}`,
  );
}
