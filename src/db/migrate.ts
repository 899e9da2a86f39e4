import type { Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { AppError } from '../shared/errors.ts';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

export class MigrationFailedError extends AppError {
  readonly code = 'migration_failed';
  readonly retryable = false;
}

/** Applies every pending migration; safe to run at every start (a lock guards concurrent starts). */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationFailedError(`Migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return results;
}
