import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { ExchangeRate } from '../../rules/sales-document.ts';

/** The rate valid on `date`: the one with the latest starting date on or before it. */
export async function findExchangeRate(
  db: Kysely<Database>,
  currency: string,
  date: string,
): Promise<ExchangeRate | null> {
  const row = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'starting_date', 'rate'])
    .where('currency', '=', currency)
    .where('starting_date', '<=', date)
    .orderBy('starting_date', 'desc')
    .executeTakeFirst();
  return row ? { currency: row.currency, startingDate: row.starting_date, rate: row.rate } : null;
}
