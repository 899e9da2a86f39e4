import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { prepareOnce } from './prepared-statements.ts';

describeOnEachBackend('statements marked prepareOnce', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(() => store.close());

  it('give the same rows as unmarked, and on a server are parsed once per connection and reused', async () => {
    const marked = (n: number) => sql<{ n: number; word: string }>`${sql.raw(prepareOnce)}
      select ${n}::int * 2 as n, ${'x'}::text as word`;
    await store.db.connection().execute(async (connection) => {
      expect((await marked(1).execute(connection)).rows).toEqual([{ n: 2, word: 'x' }]);
      expect((await marked(21).execute(connection)).rows).toEqual([{ n: 42, word: 'x' }]);
      await sql`select ${1}::int as unmarked`.execute(connection);
      if (backend === 'pglite') return; // only a comment there
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(connection);
      expect(rows.filter((row) => row.name.startsWith('sb_'))).toHaveLength(1);
      expect(rows.some((row) => row.statement.includes('unmarked'))).toBe(false);
    });
  });
});
