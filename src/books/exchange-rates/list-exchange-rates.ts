import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { ExchangeRate } from '../../rules/sales-document.ts';

/** Every rate, by currency then starting date; the JSON form imports again. */
export async function listExchangeRates(db: Kysely<Database>): Promise<ExchangeRate[]> {
  const rows = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'starting_date', 'rate'])
    .orderBy('currency')
    .orderBy('starting_date')
    .execute();
  return rows.map((row) => ({ currency: row.currency, startingDate: row.starting_date, rate: row.rate }));
}
