import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { analyzeWhereNeeded, needsAnalyze } from './analyze-where-needed.ts';

describe('which tables need their planner statistics gathered again', () => {
  it.each([
    ['a new table with a few hundred rows', 300, 300, false],
    ['a new table filled with 1,500 rows', 1_500, 1_500, false],
    ['a new table filled with 2,500 rows', 2_500, 2_500, true],
    ['analyzed at 10,000 rows, 5,900 added since', 15_900, 5_900, false],
    ['analyzed at 10,000 rows, 12,100 added since', 22_100, 12_100, true],
    ['a queue table: 20 rows live, 1,200 inserted and deleted since', 20, 1_200, true],
  ])('%s', (_case, liveRows, modifiedSinceAnalyze, due) => {
    expect(needsAnalyze({ liveRows, modifiedSinceAnalyze })).toBe(due);
  });
});

describeOnEachBackend('analyze where needed', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(() => store.close());

  it('gathers the statistics of a table filled from empty, so lookups by a column use its index', async () => {
    await sql`create table grown (id int primary key, parent int not null, note text)`.execute(store.db);
    await sql`create index grown_parent_idx on grown (parent)`.execute(store.db);
    await sql`insert into grown select g, g / 3, repeat('x', 200) from generate_series(1, 30000) g`.execute(
      store.db,
    );
    const counters = () =>
      sql<{ modified: number; analyzed: Date | null }>`
        select n_mod_since_analyze::int as modified, coalesce(last_analyze, last_autoanalyze) as analyzed
        from pg_stat_user_tables where relname = 'grown' and schemaname = current_schema()`.execute(store.db);
    // Counters reach pg_stat_user_tables after the transaction that made them, not at once.
    await vi.waitFor(async () => expect((await counters()).rows[0]?.modified).toBe(30_000), {
      timeout: 5_000,
    });
    const plan = async () =>
      (
        await sql<{ 'QUERY PLAN': string }>`
          explain select * from grown where parent = any (array[5, 900, 7000])`.execute(store.db)
      ).rows
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    expect(await analyzeWhereNeeded(store.db)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.grown$/)]),
    );
    expect((await counters()).rows[0]).toMatchObject({ modified: 0, analyzed: expect.any(Date) });
    // Three parents of three rows each: estimated as a handful (without statistics PostgreSQL
    // guesses 1,638) and found through the index.
    const gathered = await plan();
    expect(Number(/rows=(\d+)/.exec(gathered)?.[1])).toBeLessThan(30);
    expect(gathered).toMatch(/Index Scan|Bitmap Index Scan/);
    // Nothing changed since: not gathered again.
    expect((await analyzeWhereNeeded(store.db)).filter((name) => name.endsWith('.grown'))).toEqual([]);
  });
});
