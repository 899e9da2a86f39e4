import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A table's counters as PostgreSQL's statistics keep them (pg_stat_user_tables). */
export interface TableActivity {
  schema: string;
  table: string;
  liveRows: number;
  deadRows: number;
  modifiedSinceAnalyze: number;
}

/**
 * Every user table's counters, or only those of the store's own schema (`current_schema()`: the
 * job queue's tables live in a schema of their own). Counters reach the view when the transaction
 * that made them ends, at most about a second late.
 */
export async function readTableActivity(
  db: Kysely<Database>,
  options: { ownSchemaOnly?: boolean } = {},
): Promise<TableActivity[]> {
  const { rows } = await sql<TableActivity>`
    select schemaname as schema, relname as "table", n_live_tup::int as "liveRows",
      n_dead_tup::int as "deadRows", n_mod_since_analyze::int as "modifiedSinceAnalyze"
    from pg_stat_user_tables
    where ${options.ownSchemaOnly ? sql`schemaname = current_schema()` : sql`true`}
    order by n_dead_tup desc, n_mod_since_analyze desc`.execute(db);
  return rows;
}
