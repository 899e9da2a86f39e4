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
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationFailedError(`Migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return results;
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
