import { afterEach, beforeEach, expect, it } from 'vitest';
import { findMissingReferences } from '../../src/masterdata/index.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../support/test-store.ts';

describeOnEachBackend('findMissingReferences', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
    await store.db
      .insertInto('gl_accounts')
      .values({ no: '1100', name: 'Receivables', account_type: 'asset' })
      .execute();
    await store.db.insertInto('locations').values({ code: 'MAIN', name: 'Main warehouse' }).execute();
    await store.db.insertInto('customers').values({ no: 'C-1', name: 'Ada', addresses: '[]' }).execute();
    await store.db
      .insertInto('items')
      .values({
        no: 'I-1',
        sku: 'SB-1',
        description: 'Mug',
        type: 'inventory',
        unit_price_minor: 100,
        currency: 'USD',
      })
      .execute();
  });
  afterEach(async () => {
    await store.close();
  });

  it('is empty when every reference exists', async () => {
    const missing = await findMissingReferences(store.db, {
      glAccounts: ['1100'],
      locations: ['MAIN'],
      customers: ['C-1'],
      items: ['I-1'],
    });
    expect(missing).toEqual([]);
  });

  it('is empty when nothing is asked', async () => {
    expect(await findMissingReferences(store.db, {})).toEqual([]);
    expect(await findMissingReferences(store.db, { glAccounts: [] })).toEqual([]);
  });

  it('names each missing reference once, by kind, in the order given', async () => {
    const missing = await findMissingReferences(store.db, {
      glAccounts: ['9999', '1100', '9999', '4000'],
      locations: ['EAST', 'MAIN'],
      customers: ['C-2'],
      items: ['I-1', 'SB-1'],
    });
    expect(missing).toEqual([
      { kind: 'gl_account', no: '9999' },
      { kind: 'gl_account', no: '4000' },
      { kind: 'location', no: 'EAST' },
      { kind: 'customer', no: 'C-2' },
      { kind: 'item', no: 'SB-1' },
    ]);
  });

  it('works inside a transaction', async () => {
    const missing = await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('locations').values({ code: 'EAST', name: 'East' }).execute();
      return findMissingReferences(trx, { locations: ['EAST', 'WEST'] });
    });
    expect(missing).toEqual([{ kind: 'location', no: 'WEST' }]);
  });
});
