import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { needsVacuum, vacuumWhereNeeded, type TableActivity } from './vacuum-where-needed.ts';

describe('which tables need vacuum (analyze)', () => {
  const table = (liveRows: number, deadRows: number, modifiedSinceAnalyze = 0): TableActivity => ({
    schema: 'public',
    table: 't',
    liveRows,
    deadRows,
    modifiedSinceAnalyze,
  });
  it.each([
    ['a small table with a few dead rows', table(100, 500), false],
    ['dead rows over 1,000 + 20% of the live ones', table(10_000, 3_001), true],
    ['dead rows under that', table(10_000, 2_999), false],
    ['rows changed since the last analyze over 1,000 + 10% of the live ones', table(10_000, 0, 2_001), true],
    ['a young table filled since it was created', table(0, 0, 5_000), true],
  ])('%s: %s', (_case, activity, due) => {
    expect(needsVacuum(activity)).toBe(due);
  });
});

describeOnEachBackend('vacuum where no autovacuum runs', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(() => store.close());

  it('vacuums a table full of dead rows once where no autovacuum launcher runs, and leaves a server to its own', async () => {
    await sql`create table churn (id int primary key, note text)`.execute(store.db);
    await sql`insert into churn select g, repeat('x', 100) from generate_series(1, 20000) g`.execute(
      store.db,
    );
    await sql`delete from churn where id > 1000`.execute(store.db);
    const dead = () =>
      sql<{ dead: number; vacuumed: Date | null }>`
        select n_dead_tup::int as dead, last_vacuum as vacuumed from pg_stat_user_tables
        where relname = 'churn'`.execute(store.db);
    // Statistics reach pg_stat_user_tables after the transaction that made them, not at once.
    await vi.waitFor(async () => expect((await dead()).rows[0]?.dead).toBe(19_000), { timeout: 5_000 });
    const launcher = await sql<{ runs: boolean }>`
      select exists (select from pg_stat_activity where backend_type = 'autovacuum launcher') as runs`.execute(
      store.db,
    );
    if (launcher.rows[0]?.runs) {
      expect(await vacuumWhereNeeded(store.db)).toEqual([]);
      return;
    }
    const vacuumed = await vacuumWhereNeeded(store.db);
    expect(vacuumed.filter((name) => name.endsWith('.churn'))).toHaveLength(1);
    expect((await dead()).rows[0]).toMatchObject({ dead: 0, vacuumed: expect.any(Date) });
    expect((await vacuumWhereNeeded(store.db)).filter((name) => name.endsWith('.churn'))).toEqual([]);
  });
});
