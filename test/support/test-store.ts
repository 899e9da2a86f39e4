import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import {
  migrateToLatest,
  openStore,
  pgliteOptions,
  storeFromPglite,
  type Backend,
  type Store,
} from '../../src/db/index.ts';

/**
 * The database suite runs on both backends: embedded PGlite (always) and the PostgreSQL server
 * (when global-setup found one). Each store gets its own in-memory PGlite or its own schema on
 * the server, migrated from scratch, so tests never see each other's rows.
 */
export function describeOnEachBackend(title: string, body: (backend: Backend) => void): void {
  const postgresUrl = inject('postgresUrl');
  describe(`${title} [pglite]`, () => body('pglite'));
  if (postgresUrl) describe(`${title} [postgres]`, () => body('postgres'));
  else
    describe.skip(`${title} [postgres] (skipped: ${inject('postgresSkipReason')})`, () => body('postgres'));
}

export interface TestStore extends Store {
  /** A PostgreSQL URL for this store's database, schema included (null on PGlite). */
  readonly schema: string | null;
}

export async function openTestStore(backend: Backend): Promise<TestStore> {
  if (backend === 'pglite') {
    const pglite = await PGlite.create({ ...pgliteOptions, loadDataDir: await migratedPgliteDump() });
    const store = storeFromPglite(pglite, 'PGlite in memory');
    return { ...store, schema: null, close: () => store.close() };
  }
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL server not available for this test');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create schema ${schema}`);
  const store = await openStore({ databaseUrl: adminUrl, schema, poolSize: 4 });
  await migrateToLatest(store.db, schema);
  return {
    ...store,
    schema,
    close: async () => {
      await store.close();
      await adminQuery(adminUrl, `drop schema ${schema} cascade`);
    },
  };
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let migratedDump: Promise<File | Blob> | undefined;

/**
 * A fresh PGlite takes seconds to initialise; one loaded from a dump of an already migrated
 * instance takes a fraction of that. The dump is made once per test worker.
 */
function migratedPgliteDump(): Promise<File | Blob> {
  migratedDump ??= (async () => {
    const pglite = await PGlite.create(pgliteOptions);
    const store = storeFromPglite(pglite, 'PGlite template');
    await migrateToLatest(store.db);
    const dump = await pglite.dumpDataDir('none');
    await store.close();
    return dump;
  })();
  return migratedDump;
}
