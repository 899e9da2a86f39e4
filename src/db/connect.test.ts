import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './connect.ts';

const setting = async (store: Store, name: string) =>
  (await sql<{ value: string }>`select current_setting(${name}) as value`.execute(store.db)).rows[0]!.value;

describe('the embedded store', () => {
  const folders: string[] = [];
  const folder = () => {
    folders.push(mkdtempSync(join(tmpdir(), 'storebridge-wal-')));
    return folders.at(-1)!;
  };
  afterAll(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

  it('creates WAL segments without zero-filling them (in memory)', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    try {
      expect(await setting(store, 'wal_init_zero')).toBe('off');
    } finally {
      await store.close();
    }
  });

  it('on disk too, and recovers rows written to such a segment after a crash', async () => {
    const dataDir = folder();
    const crashed = folder();
    const store = await openStore({ dataDir });
    try {
      expect(await setting(store, 'wal_init_zero')).toBe('off');
      await sql`create table t (n int)`.execute(store.db);
      await sql`insert into t values (1)`.execute(store.db);
      // A new segment, made with the setting above; the rows below are only in its WAL.
      await sql`select pg_switch_wal()`.execute(store.db);
      await sql`insert into t select generate_series(2, 1000)`.execute(store.db);
      // The folder as a crash leaves it: committed WAL written, no shutdown checkpoint.
      cpSync(join(dataDir, 'pglite'), join(crashed, 'pglite'), { recursive: true });
    } finally {
      await store.close();
    }
    const recovered = await openStore({ dataDir: crashed });
    try {
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from t`.execute(
        recovered.db,
      );
      expect(rows[0]!.count).toBe(1000);
    } finally {
      await recovered.close();
    }
  });
});
