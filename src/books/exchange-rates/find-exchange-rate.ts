import { sql, type Kysely } from 'kysely';
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

/** A currency and date's key in findExchangeRates' answer. */
export function rateKey(currency: string, date: string): string {
  return `${currency} ${date}`;
}

/**
 * findExchangeRate for many currency/date pairs in one statement, by rateKey; a pair without a
 * rate is absent. Same choice per pair: the latest starting date on or before the date.
 */
export async function findExchangeRates(
  db: Kysely<Database>,
  wanted: ReadonlyArray<{ currency: string; date: string }>,
): Promise<Map<string, ExchangeRate>> {
  const pairs = [...new Map(wanted.map((pair) => [rateKey(pair.currency, pair.date), pair])).values()];
  if (pairs.length === 0) return new Map();
  const { rows } = await sql<{ date: string; currency: string; starting_date: string; rate: string }>`
    select k.date, r.currency, r.starting_date, r.rate
    from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as k(currency text, date text)
    cross join lateral (
      select e.currency, e.starting_date, e.rate from exchange_rates as e
      where e.currency = k.currency and e.starting_date <= k.date
      order by e.starting_date desc limit 1
    ) as r`.execute(db);
  return new Map(
    rows.map((row) => [
      rateKey(row.currency, row.date),
      { currency: row.currency, startingDate: row.starting_date, rate: row.rate },
    ]),
  );
}
