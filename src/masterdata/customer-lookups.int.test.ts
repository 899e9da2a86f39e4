import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import {
  billToKey,
  emailKey,
  findCustomerByBillToAddress,
  findCustomerByEmail,
  findCustomerByPhone,
  findCustomersByBillToAddresses,
  findCustomersByEmails,
  findCustomersByPhones,
  createCustomerWithMatchKeys,
  phoneKey,
  findCustomerByNo,
  type CustomerAddress,
  type CustomerMatchKeys,
} from './index.ts';

const boston: CustomerAddress = {
  name: 'Nia New',
  company: null,
  address1: '5 Elm St',
  address2: null,
  city: 'Boston',
  province: 'MA',
  zip: '02101',
  countryCode: 'US',
  phone: null,
};
const berlin: CustomerAddress = {
  ...boston,
  name: 'Ärzte Haus',
  address1: 'Hauptstraße 1',
  city: 'Berlin',
  zip: '10115',
  countryCode: 'DE',
};

/**
 * Stored as files and operators may leave them: odd spacing, tabs, other alphabets, no name.
 * K02's trailing tab survives the database's trim() (spaces only), so bill-to never finds K02 but
 * does find K03: a normalization redone in JavaScript would get that wrong.
 */
const customers: Array<{ no: string; email: string | null; phone: string | null; billing: CustomerAddress }> =
  [
    { no: 'K01', email: 'Ärzte@Example.com', phone: '+4930123', billing: berlin },
    { no: 'K02', email: 'shared@example.com', phone: null, billing: { ...boston, name: 'Nia New\t' } },
    { no: 'K03', email: 'SHARED@example.com', phone: '+4930123', billing: { ...boston, name: ' Nia\tNew ' } },
    { no: 'K04', email: null, phone: null, billing: boston },
    {
      no: 'K05',
      email: null,
      phone: null,
      billing: { ...boston, name: null, address1: '1 Road', city: 'X', zip: '1' },
    },
  ];

const billTos: CustomerAddress[] = [
  boston,
  { ...boston, name: 'NIA  NEW', city: ' boston ' },
  { ...boston, name: 'nia new\t' },
  { ...boston, name: 'nia new ' },
  berlin,
  { ...berlin, name: 'ÄRZTE HAUS' },
  { ...boston, name: null, address1: '1 road', city: 'x', zip: '1', countryCode: 'us' },
  { ...boston, address1: '6 Elm St' },
];
const emails = [
  'shared@example.com',
  ' Shared@Example.COM ',
  'ärzte@example.com',
  'Ärzte@Example.com',
  'none@x.org',
];
const phones = ['+49 30 123', '+4930123', '+1 (000) 000-0000'];

describeOnEachBackend('customer lookups for a batch', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
    await store.db
      .insertInto('customers')
      .values(
        customers.map((c) => ({
          no: c.no,
          name: c.no,
          email: c.email,
          phone: c.phone,
          addresses: JSON.stringify([{ kind: 'billing', ...c.billing }]),
        })),
      )
      .execute();
  });
  afterEach(() => store.close());

  it('find, per key, the customer each one-at-a-time lookup finds', async () => {
    const byBillTo = await findCustomersByBillToAddresses(store.db, billTos);
    for (const address of billTos)
      expect(byBillTo.get(billToKey(address))?.no, JSON.stringify(address)).toBe(
        (await findCustomerByBillToAddress(store.db, address))?.no,
      );
    const byEmail = await findCustomersByEmails(store.db, emails);
    for (const email of emails)
      expect(byEmail.get(emailKey(email))?.no, email).toBe((await findCustomerByEmail(store.db, email))?.no);
    const byPhone = await findCustomersByPhones(store.db, phones);
    for (const phone of phones)
      expect(byPhone.get(phoneKey(phone))?.no, phone).toBe((await findCustomerByPhone(store.db, phone))?.no);
    expect([byBillTo.get(billToKey(boston))?.no, byEmail.get('shared@example.com')?.no]).toEqual([
      'K03',
      'K02',
    ]);
  });

  it('creating a customer answers the keys that would find it, as the database compares them', async () => {
    await store.db.deleteFrom('customers').execute();
    const created: Array<Awaited<ReturnType<typeof createCustomerWithMatchKeys>>> = [];
    for (const c of customers)
      created.push(
        await createCustomerWithMatchKeys(store.db, {
          no: c.no,
          name: c.no,
          email: c.email,
          phone: c.phone,
          billingAddress: c.billing,
          shippingAddress: null,
        }),
      );
    // Nos. here sort the same in every collation, so the lowest match is the first in the list.
    const lowest = (found: (keys: CustomerMatchKeys) => boolean) =>
      created.find((c) => found(c.keys))?.customer.no;
    for (const address of billTos)
      expect(lowest((k) => k.billTo.includes(billToKey(address)))).toBe(
        (await findCustomerByBillToAddress(store.db, address))?.no,
      );
    for (const email of emails)
      expect(lowest((k) => k.email === emailKey(email))).toBe(
        (await findCustomerByEmail(store.db, email))?.no,
      );
    for (const phone of phones)
      expect(lowest((k) => k.phone === phoneKey(phone))).toBe(
        (await findCustomerByPhone(store.db, phone))?.no,
      );
    expect(created[0]?.customer).toEqual(await findCustomerByNo(store.db, 'K01'));
    await expect(createCustomerWithMatchKeys(store.db, created[0]!.customer)).rejects.toThrow(
      'Customer K01 already exists',
    );
  });
});
