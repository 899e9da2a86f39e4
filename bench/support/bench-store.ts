import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openStore, type Backend, type Store } from '../../src/db/index.ts';
import { jobsSchema } from '../../src/jobs/index.ts';

const adminUrl = process.env.STOREBRIDGE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, migrated store: embedded PGlite in memory, or its own schema on the PostgreSQL server;
 * closing it drops what the run created there.
 */
export async function openBenchStore(backend: Backend): Promise<Store> {
  if (backend === 'pglite') {
    const store = await openStore({ dataDir: 'memory://' });
    await migrateToLatest(store.db);
    return store;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await admin(`create schema ${schema}`);
  const store = await openStore({ databaseUrl: adminUrl, schema, poolSize: 8 });
  await migrateToLatest(store.db, schema);
  return {
    ...store,
    close: async () => {
      await store.close();
      await admin(`drop schema ${schema} cascade`);
      // The job queue's schema beside it, when the run started one (bench:webhooks, bench:scale-out).
      await admin(`drop schema if exists ${jobsSchema(store.access)} cascade`);
    },
  };
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
