import { afterEach, beforeEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeOnEachBackend, openTestStore, type TestStore } from '../support/test-store.ts';

class Boom extends Error {}

describeOnEachBackend('database transactions', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(async () => {
    await store.close();
  });

  it('a rolled-back transaction leaves nothing behind', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('locations').values({ code: 'MAIN', name: 'Main warehouse' }).execute();
        throw new Boom('abort after the insert');
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(await store.db.selectFrom('locations').selectAll().execute()).toEqual([]);
  });

  it('a transaction that runs beside a rolled-back one keeps only its own rows', async () => {
    const failing = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('locations').values({ code: 'LOST', name: 'Rolled back' }).execute();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Boom('abort');
    });
    const succeeding = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('locations').values({ code: 'KEPT', name: 'Committed' }).execute();
    });
    await expect(failing).rejects.toBeInstanceOf(Boom);
    await succeeding;
    const codes = (await store.db.selectFrom('locations').select('code').execute()).map((row) => row.code);
    expect(codes).toEqual(['KEPT']);
  });

  it('returns bigint columns as numbers on both backends', async () => {
    await store.db
      .insertInto('items')
      .values({
        no: 'SB-1',
        sku: 'SB-1',
        description: 'Mug',
        type: 'inventory',
        unit_price_minor: 9_007_199_254_740_991,
        currency: 'USD',
      })
      .execute();
    const row = await store.db.selectFrom('items').select('unit_price_minor').executeTakeFirstOrThrow();
    expect(row.unit_price_minor).toBe(9_007_199_254_740_991);
    const { rows } = await sql<{ n: number }>`select count(*) as n from items`.execute(store.db);
    expect(rows[0]?.n).toBe(1);
  });

  it('migrations are idempotent: running them again changes nothing', async () => {
    const { migrateToLatest } = await import('../../src/db/index.ts');
    expect(await migrateToLatest(store.db, store.schema ?? undefined)).toEqual([]);
  });
});
