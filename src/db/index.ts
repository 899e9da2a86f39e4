export {
  openStore,
  pgliteOptions,
  redactUrl,
  storeFromPglite,
  type Backend,
  type Store,
  type StoreAccess,
  type StoreOptions,
} from './connect.ts';
export { migrateToLatest, MigrationFailedError } from './migrate.ts';
export { prepareOnce } from './prepared-statements.ts';
export { analyzeWhereNeeded } from './analyze-where-needed.ts';
export { vacuumWhereNeeded } from './vacuum-where-needed.ts';
export type * from './schema.ts';
export { StoreInUseError } from './data-dir-lock.ts';
