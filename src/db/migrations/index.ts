import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation.ts';

/**
 * Every migration, in order. Listed statically (not read from the folder) so that the
 * service runs the same way from source, from a bundle and in tests.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
};
