import type { Kysely } from 'kysely';
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
