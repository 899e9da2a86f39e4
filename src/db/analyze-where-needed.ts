import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { readTableActivity, type TableActivity } from './table-activity.ts';

/**
 * Whether a table's planner statistics are due again: rows changed since its last analyze over
 * 1,000 plus half its live rows. A table filled from empty is due at 2,000 rows, then at about
 * 6,000, 14,000, 30,000, 62,000 and 126,000, so a backfill of 100,000 orders gathers each table it
 * grows five or six times. Once a table has statistics the planner scales them by its current
 * size, so they need not follow every row.
 */
export function needsAnalyze(activity: Pick<TableActivity, 'liveRows' | 'modifiedSinceAnalyze'>): boolean {
  return activity.modifiedSinceAnalyze > 1_000 + 0.5 * activity.liveRows;
}

/**
 * Gathers the planner's statistics of the store's tables that have grown since they were last
 * gathered (`needsAnalyze`); returns them as `schema.table`. For a sync that fills tables from
 * empty: without statistics PostgreSQL guesses a fixed share of rows for each value looked up,
 * and as the tables grew a batch's lookups turned into scans of the whole table (bench:import on
 * PostgreSQL: a batch's document lines read by a parallel sequential scan, 25-30 ms a statement at
 * 60,000 orders; its orders' documents through the shop's index entries alone, 7 ms at 20,000
 * orders and growing; 0.02-0.04 ms each after one `analyze`). PGlite never gathers them by
 * itself; a server's autovacuum looks about once a minute while a backfill adds hundreds of rows
 * a second, and it may be switched off (it is on the CI server). `skip_locked`: a table that
 * autovacuum or another sync is analyzing is left to it, never waited for.
 */
export async function analyzeWhereNeeded(
  db: Kysely<Database>,
  options: { maxTables?: number } = {},
): Promise<string[]> {
  const activity = await readTableActivity(db, { ownSchemaOnly: true });
  const due = activity.filter(needsAnalyze).slice(0, options.maxTables ?? 5);
  for (const { schema, table } of due) await sql`analyze (skip_locked) ${sql.id(schema, table)}`.execute(db);
  return due.map(({ schema, table }) => `${schema}.${table}`);
}
