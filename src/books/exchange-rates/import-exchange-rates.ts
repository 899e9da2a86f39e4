import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { parseExchangeRates } from './parse-exchange-rates.ts';

export interface ExchangeRateImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports a file of exchange rates, all rows or none (a bad row names the file, row and field),
 * upserting by currency + starting date: importing the same file twice changes nothing.
 */
export async function importExchangeRates(
  db: Kysely<Database>,
  file: { fileName: string; content: string },
): Promise<ExchangeRateImportResult> {
  const rates = parseExchangeRates(file.fileName, file.content);
  return db.transaction().execute(async (trx) => {
    // Inside the transaction only `trx` (on PGlite the outer db would wait on this transaction).
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const rate of rates) {
      const existing = await trx
        .selectFrom('exchange_rates')
        .select('rate')
        .where('currency', '=', rate.currency)
        .where('starting_date', '=', rate.startingDate)
        .executeTakeFirst();
      if (existing?.rate === rate.rate) {
        counts.unchanged += 1;
        continue;
      }
      await trx
        .insertInto('exchange_rates')
        .values({ currency: rate.currency, starting_date: rate.startingDate, rate: rate.rate })
        .onConflict((c) =>
          c
            .columns(['currency', 'starting_date'])
            .doUpdateSet({ rate: rate.rate, updated_at: sql<Date>`now()` }),
        )
        .execute();
      counts[existing ? 'updated' : 'created'] += 1;
    }
    return counts;
  });
}
