import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { INT8_OID, parseInt8 } from './int8.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { preparingPool } from './prepared-statements.ts';
import type { SerialLock } from './serial-lock.ts';
import type { Database } from './schema.ts';

export type Backend = 'pglite' | 'postgres';

export interface StoreOptions {
  /** `postgres://…` for a PostgreSQL server; absent for the embedded PGlite store. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded store (`<dataDir>/pglite`); `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL schema to work in (tests isolate themselves this way); default `public`. */
  schema?: string | undefined;
  /** Pool size on a PostgreSQL server (default 10). */
  poolSize?: number | undefined;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly backend: Backend;
  /** Where the data lives, without credentials: `PGlite ./data/pglite` or `postgres://host:5432/db`. */
  readonly location: string;
  /**
   * How the job queue reaches this same database: on PGlite, the one instance and the lock that
   * serialises every use of it (the queue must take that lock too); on a server, the URL and the
   * schema the store works in.
   */
  readonly access: StoreAccess;
  close(): Promise<void>;
}

export type StoreAccess =
  { kind: 'pglite'; pglite: PGlite; lock: SerialLock } | { kind: 'postgres'; url: string; schema: string };

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPglite(options.dataDir ?? './data');
}

async function openPglite(dataDir: string): Promise<Store> {
  const path = dataDir === 'memory://' ? undefined : join(dataDir, 'pglite');
  if (!path) return storeFromPglite(await PGlite.create(pgliteOptions), 'PGlite in memory');
  mkdirSync(path, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const store = storeFromPglite(await PGlite.create(path, pgliteOptions), `PGlite ${path}`);
    return { ...store, close: () => store.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * Options every embedded instance needs: parsers (bigint as number, like the server) and server
 * settings (`-c`, added to PGlite's own start parameters).
 *
 * `wal_init_zero=off`: PostgreSQL makes each new 16 MB WAL segment by writing zeros through it,
 * 8 kB at a time. PGlite runs that on the service's event loop, inside whichever commit crosses
 * into the segment, and its in-memory file system regrows and copies the file at each step:
 * a 0.25-0.5 s stall of every request every 16 MB of WAL (every 15-20 s at 500 webhooks/s), the
 * ack p99 of issue 7. Off, only the segment's last byte is written (one allocation; a sparse file
 * on disk, its space taken as WAL is written). Crash-safe: replay stops at the first record whose
 * checksum fails, zeros or not, as with recycled segments (never zeroed either).
 */
export const pgliteOptions = {
  parsers: { [INT8_OID]: parseInt8 },
  startParams: [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'],
};

/** Wraps an open PGlite instance (e.g. one loaded from a data-dir dump) as a store. */
export function storeFromPglite(pglite: PGlite, location: string): Store {
  const dialect = new PGliteDialect(pglite);
  const db = new Kysely<Database>({ dialect });
  const access = { kind: 'pglite' as const, pglite, lock: dialect.lock };
  return { db, backend: 'pglite', location, access, close: () => db.destroy() };
}

async function openPostgres(databaseUrl: string, options: StoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    ...(options.schema && { options: `-c search_path=${quoteIdentifier(options.schema)}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  await sql`select 1`.execute(db);
  const access = { kind: 'postgres' as const, url: databaseUrl, schema: options.schema ?? 'public' };
  return { db, backend: 'postgres', location: redactUrl(databaseUrl), access, close: () => db.destroy() };
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`Invalid schema name "${name}"`);
  return name;
}

/** Drops the password from a connection URL so it can be logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
