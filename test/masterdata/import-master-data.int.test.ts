import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importMasterData, listMasterData, listMasterDataAsFileRows } from '../../src/masterdata/index.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../support/test-store.ts';

const itemsCsv = [
  'no,sku,description,type,unit_price,currency',
  '1000,SB-TEE,Storebridge Tee,inventory,25.00,USD',
  '1001,SB-MUG,Storebridge Mug,inventory,12.50,USD',
  '1900,SB-GIFTWRAP,Gift wrapping,service,4.00,USD',
].join('\n');

const customersCsv = [
  'no,name,email,phone,billing_address1,billing_city,billing_zip,billing_country_code,shipping_address1,shipping_country_code',
  'C1,Ada Lovelace,ada@example.com,+1 212 555 0101,1 Main St,New York,10001,US,,',
  'C2,Alan Turing,alan@example.com,,2 Hut Lane,Boston,02108,US,3 Dock Rd,us',
].join('\n');

describeOnEachBackend('importMasterData', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(async () => {
    await store.close();
  });

  const importItems = (content: string, fileName = 'items.csv') =>
    importMasterData(store.db, 'items', { fileName, content });
  const itemNos = async () => (await listMasterData(store.db, 'items')).map((item) => item.no);

  it('stores a good CSV file and reports what it created', async () => {
    expect(await importItems(itemsCsv)).toEqual({ kind: 'items', created: 3, updated: 0, unchanged: 0 });
    const row = await store.db
      .selectFrom('items')
      .selectAll()
      .where('no', '=', '1001')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sku: 'SB-MUG', type: 'inventory', unit_price_minor: 1250, currency: 'USD' });
  });

  it('a file with one bad row stores nothing', async () => {
    const bad = `${itemsCsv}\n1002,SB-CAP,Cap,inventory,"19,90",USD`;
    const error = await importItems(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      'items.csv row 5, unit_price: "19,90" is not a decimal amount',
    );
    expect(await itemNos()).toEqual([]);
  });

  it('a failure while writing rolls back the rows already written', async () => {
    // A trigger refuses one location; it sits in the second statement, after 500 rows were written.
    await sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.code = 'BOOM' then raise exception 'refused by test trigger'; end if; return new; end $$`.execute(
      store.db,
    );
    await sql`create trigger refuse_boom before insert on locations for each row execute function refuse_boom()`.execute(
      store.db,
    );
    const rows = Array.from({ length: 500 }, (_, index) => ({
      code: `L${index}`,
      name: `Location ${index}`,
    }));
    const content = JSON.stringify([...rows, { code: 'BOOM', name: 'Refused' }]);
    await expect(
      importMasterData(store.db, 'locations', { fileName: 'locations.json', content }),
    ).rejects.toThrow('refused by test trigger');
    expect(await listMasterData(store.db, 'locations')).toEqual([]);
  });

  it('re-importing the same file is idempotent: everything unchanged, nothing rewritten', async () => {
    await importItems(itemsCsv);
    const before = await store.db.selectFrom('items').select(['no', 'updated_at']).orderBy('no').execute();
    expect(await importItems(itemsCsv)).toEqual({ kind: 'items', created: 0, updated: 0, unchanged: 3 });
    expect(await store.db.selectFrom('items').select(['no', 'updated_at']).orderBy('no').execute()).toEqual(
      before,
    );
  });

  it('upserts by key: changed rows are updated, new rows created, the rest unchanged', async () => {
    await importItems(itemsCsv);
    const changed = itemsCsv.replace('12.50', '13.00') + '\n1002,SB-CAP,Storebridge Cap,,19.90,USD';
    expect(await importItems(changed)).toEqual({ kind: 'items', created: 1, updated: 1, unchanged: 2 });
    const mug = (await listMasterData(store.db, 'items')).find((item) => item.no === '1001');
    expect(mug?.unitPrice).toEqual({ minor: 1300, currency: 'USD' });
    expect(await itemNos()).toEqual(['1000', '1001', '1002', '1900']);
  });

  it('two items may trade SKUs in one file', async () => {
    await importItems(itemsCsv);
    const swapped = itemsCsv.replace('1000,SB-TEE', '1000,SB-MUG').replace('1001,SB-MUG', '1001,SB-TEE');
    expect(await importItems(swapped)).toMatchObject({ updated: 2, unchanged: 1 });
    const items = await listMasterData(store.db, 'items');
    expect(items.map((item) => [item.no, item.sku])).toEqual([
      ['1000', 'SB-MUG'],
      ['1001', 'SB-TEE'],
      ['1900', 'SB-GIFTWRAP'],
    ]);
  });

  it('refuses a SKU that a stored item keeps, and stores nothing from the file', async () => {
    await importItems(itemsCsv);
    const content = JSON.stringify([
      { no: '2000', sku: 'SB-NEW', description: 'New', unitPrice: '1.00', currency: 'USD' },
      { no: '2001', sku: 'SB-MUG', description: 'Another mug', unitPrice: '1.00', currency: 'USD' },
    ]);
    await expect(importItems(content, 'more.json')).rejects.toThrow(
      'more.json row 2, sku: "SB-MUG" already belongs to item 1001',
    );
    expect(await itemNos()).toEqual(['1000', '1001', '1900']);
  });

  it('imports customers from flat CSV columns and lists them as JSON rows that import unchanged', async () => {
    const file = { fileName: 'customers.csv', content: customersCsv };
    expect(await importMasterData(store.db, 'customers', file)).toMatchObject({ created: 2 });
    const [ada, alan] = await listMasterData(store.db, 'customers');
    expect(ada).toMatchObject({ phone: '+12125550101', shippingAddress: null });
    expect(ada?.billingAddress).toMatchObject({
      address1: '1 Main St',
      city: 'New York',
      zip: '10001',
      countryCode: 'US',
    });
    expect(alan?.shippingAddress).toMatchObject({ address1: '3 Dock Rd', countryCode: 'US', city: null });
    const asJson = JSON.stringify(await listMasterDataAsFileRows(store.db, 'customers'));
    expect(
      await importMasterData(store.db, 'customers', { fileName: 'c.json', content: asJson }),
    ).toMatchObject({
      unchanged: 2,
    });
  });

  it('imports locations and G/L accounts; list --json rows import again unchanged', async () => {
    await importMasterData(store.db, 'locations', {
      fileName: 'l.csv',
      content: 'code,name\nMAIN,Main\nEAST,East',
    });
    const accounts = { glAccounts: [{ no: '4000', name: 'Sales revenue', accountType: 'revenue' }] };
    await importMasterData(store.db, 'gl-accounts', {
      fileName: 'a.json',
      content: JSON.stringify(accounts),
    });
    expect(await listMasterData(store.db, 'locations')).toEqual([
      { code: 'EAST', name: 'East' },
      { code: 'MAIN', name: 'Main' },
    ]);
    expect(await listMasterData(store.db, 'gl-accounts')).toEqual([
      { no: '4000', name: 'Sales revenue', accountType: 'revenue' },
    ]);
    await importItems(itemsCsv);
    const items = JSON.stringify(await listMasterDataAsFileRows(store.db, 'items'));
    expect(await importItems(items, 'items.json')).toMatchObject({ unchanged: 3 });
  });
});
