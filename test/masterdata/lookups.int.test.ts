import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  findCustomerByEmail,
  findCustomerByPhone,
  findGlAccountByNo,
  findItemBySku,
  findLocationByCode,
  hasMasterData,
  loadDemoMasterData,
} from '../../src/masterdata/index.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../support/test-store.ts';

describeOnEachBackend('master data lookups and the demo set', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(async () => {
    await store.close();
  });

  it('loads the demo set once; a second load changes nothing', async () => {
    expect(await hasMasterData(store.db)).toBe(false);
    const first = await loadDemoMasterData(store.db);
    expect(first.map(({ kind, created }) => [kind, created])).toEqual([
      ['locations', 2],
      ['gl-accounts', 16],
      ['items', 6],
      ['customers', 3],
    ]);
    expect(await hasMasterData(store.db)).toBe(true);
    const second = await loadDemoMasterData(store.db);
    expect(second.every(({ created, updated }) => created === 0 && updated === 0)).toBe(true);
  });

  it('finds an item by SKU, a location by code and an account by no.', async () => {
    await loadDemoMasterData(store.db);
    expect(await findItemBySku(store.db, 'SB-MUG')).toEqual({
      no: '1001',
      sku: 'SB-MUG',
      description: 'Storebridge Mug',
      type: 'inventory',
      unitPrice: { minor: 1250, currency: 'USD' },
    });
    expect(await findItemBySku(store.db, 'sb-mug')).toBeUndefined();
    expect(await findLocationByCode(store.db, 'EAST')).toMatchObject({ code: 'EAST' });
    expect(await findLocationByCode(store.db, 'WEST')).toBeUndefined();
    expect(await findGlAccountByNo(store.db, '2100')).toEqual({
      no: '2100',
      name: 'Sales tax payable',
      accountType: 'liability',
    });
    expect(await findGlAccountByNo(store.db, '9999')).toBeUndefined();
  });

  it('finds a customer by email ignoring case, and by phone however it is formatted', async () => {
    await loadDemoMasterData(store.db);
    expect(await findCustomerByEmail(store.db, ' ADA@Example.COM ')).toMatchObject({
      no: 'C0001',
      name: 'Ada Lovelace',
    });
    expect(await findCustomerByEmail(store.db, 'nobody@example.com')).toBeUndefined();
    expect(await findCustomerByPhone(store.db, '+12125550101')).toMatchObject({ no: 'C0001' });
    expect(await findCustomerByPhone(store.db, '+1 (617) 555-0102')).toMatchObject({ no: 'C0002' });
    expect(await findCustomerByPhone(store.db, '+10000000000')).toBeUndefined();
  });

  it('when customers share an email the lowest no. wins, every time', async () => {
    await store.db
      .insertInto('customers')
      .values([
        { no: 'C2', name: 'Later', email: 'shared@example.com', addresses: '[]' },
        { no: 'C1', name: 'Earlier', email: 'Shared@Example.com', addresses: '[]' },
      ])
      .execute();
    expect(await findCustomerByEmail(store.db, 'shared@example.com')).toMatchObject({ no: 'C1' });
  });
});
