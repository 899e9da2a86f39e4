import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { AppError } from '../shared/errors.ts';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

export class MigrationFailedError extends AppError {
  readonly code = 'migration_failed';
  readonly retryable = false;
}

/**
 * Applies every pending migration; safe to run at every start (a lock guards concurrent starts).
 * The migration tables are looked up in the store's own schema: Kysely otherwise takes a
 * `kysely_migration_lock` in any schema of the database for ours, and then fails to find it.
 */
export async function migrateToLatest(db: Kysely<Database>, schema = 'public'): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  let outcome = await migrator.migrateToLatest();
  // Before it migrates, Kysely looks for its tables by listing every table of every schema of the
  // database, asking has_schema_privilege() of each schema by name and pg_get_serial_sequence() of
  // each table by name. A schema or table that another store of the same database drops meanwhile
  // (another tenant, another test) fails that lookup with 3F000 or 42P01, though ours is fine.
  // Nothing was migrated then; listing again finds it gone and goes on.
  for (let attempt = 1; attempt < 5 && otherSchemaVanished(outcome.error, schema); attempt++) {
    outcome = await migrator.migrateToLatest();
  }
  const { error, results = [] } = outcome;
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationFailedError(`Migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return results;
}

/** A schema, or a table of a schema, that is not ours, vanished while Kysely listed them. */
export function otherSchemaVanished(error: unknown, ours: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  if (code === '3F000') return !message.includes(`"${ours}"`); // invalid_schema_name
  if (code !== '42P01') return false; // undefined_table
  // pg_get_serial_sequence names the table schema-qualified: `relation "t_other.orders" …`.
  const schema = /relation "([^".]+)\./.exec(message)?.[1];
  return schema !== undefined && schema !== ours;
}

/**
 * Migrations of this build that the store has not applied (the /ready check: a worker of a newer
 * build must not take traffic before its migrations ran). The table is named unqualified so the
 * store's search_path finds its own schema's; a store never migrated has every migration pending.
 */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const applied = new Set<string>();
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    for (const row of rows) applied.add(row.name);
  } catch (error) {
    if ((error as { code?: unknown }).code !== '42P01') throw error; // undefined_table
  }
  return Object.keys(migrations).filter((name) => !applied.has(name));
}
