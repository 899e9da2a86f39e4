import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { readTableActivity, type TableActivity } from './table-activity.ts';

export type { TableActivity } from './table-activity.ts';

/**
 * Whether a table needs `vacuum (analyze)`: autovacuum's own rule (dead rows over a base plus a
 * share of the live ones, or rows changed since the last analyze over another), with a larger
 * base so that small tables are not vacuumed every minute.
 */
export function needsVacuum(activity: TableActivity): boolean {
  return (
    activity.deadRows > 1_000 + 0.2 * activity.liveRows ||
    activity.modifiedSinceAnalyze > 1_000 + 0.1 * activity.liveRows
  );
}

/**
 * The embedded store has no autovacuum: PGlite is one standalone backend, and autovacuum is a
 * server's background processes. Without it the rows pg-boss deletes after a job's retention and
 * the webhook receipts pruned after 30 days stay as dead rows for good, the files only grow, and
 * the planner's statistics are never gathered (pg-boss's maintenance scans of the job table at
 * 50,000 jobs took 88 ms). So where no autovacuum launcher runs, the minute tick vacuums the
 * tables that need it, a few at a time (each one is a stop of PGlite's one connection: ~0.4 s for
 * a 48 MB job table, less the more often it runs). A server's own autovacuum is left to do it.
 * Returns the tables vacuumed, as `schema.table`.
 */
export async function vacuumWhereNeeded(
  db: Kysely<Database>,
  options: { maxTables?: number } = {},
): Promise<string[]> {
  if (await autovacuumRuns(db)) return [];
  const due = (await readTableActivity(db)).filter(needsVacuum).slice(0, options.maxTables ?? 5);
  for (const { schema, table } of due) await sql`vacuum (analyze) ${sql.id(schema, table)}`.execute(db);
  return due.map(({ schema, table }) => `${schema}.${table}`);
}

async function autovacuumRuns(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ runs: boolean }>`
    select exists (select from pg_stat_activity where backend_type = 'autovacuum launcher') as runs`.execute(
    db,
  );
  return rows[0]?.runs === true;
}
