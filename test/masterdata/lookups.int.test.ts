import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  findCustomerByBillToAddress,
  findCustomerByEmail,
  findCustomerByPhone,
  findGlAccountByNo,
  findItemBySku,
  findLocationByCode,
  hasMasterData,
  loadDemoMasterData,
  type CustomerAddress,
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

  // seed 002 "By Bill-to Info": C0002's billing address in the demo set, as Shopify may send it.
  const alansBillTo: CustomerAddress = {
    name: 'Alan Turing',
    company: null,
    address1: '2 Hut Lane',
    address2: null,
    city: 'Boston',
    province: 'Massachusetts',
    zip: '02108',
    countryCode: 'US',
    phone: '+1 617 555 0102',
  };
  const billToCases: Array<{
    name: string;
    address: Partial<CustomerAddress>;
    customerNo: string | undefined;
  }> = [
    { name: 'the same address', address: {}, customerNo: 'C0002' },
    {
      name: 'case and spaces differ',
      address: { name: ' alan  TURING', address1: '2  Hut lane ', city: 'BOSTON', countryCode: 'us' },
      customerNo: 'C0002',
    },
    // The emulator once dropped a REST address's `name`: an order without one is not Alan's.
    { name: 'no name on the order', address: { name: null }, customerNo: undefined },
    { name: 'another street', address: { address1: '3 Hut Lane' }, customerNo: undefined },
    { name: 'another country', address: { countryCode: 'GB' }, customerNo: undefined },
  ];
  it.each(billToCases)('finds a customer by bill-to address: $name', async ({ address, customerNo }) => {
    await loadDemoMasterData(store.db);
    const found = await findCustomerByBillToAddress(store.db, { ...alansBillTo, ...address });
    expect(found?.no).toBe(customerNo);
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
