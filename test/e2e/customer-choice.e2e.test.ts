import { afterEach, describe, expect, it } from 'vitest';
import { listMasterData } from '../../src/masterdata/index.ts';
import { syncDeps, syncOneOrder } from '../../src/sync/index.ts';
import { onlyDocument } from '../support/e2e/documents.ts';
import type { OrderSpec } from '../support/e2e/order-spec.ts';
import { openScenario, type Scenario, type ShopOverrides } from '../support/e2e/scenario.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

const toronto = {
  name: 'Ada Lovelace',
  address1: '1 Front St',
  city: 'Toronto',
  province_code: 'ON',
  zip: 'M5J 2N8',
  country_code: 'CA',
};
// C0002's billing address in the demo master data.
const alansBilling = {
  name: 'Alan Turing',
  address1: '2 Hut Lane',
  city: 'Boston',
  province_code: 'MA',
  zip: '02108',
  country_code: 'US',
};
const strict: ShopOverrides = { autoCreateUnknownCustomers: false };

interface CustomerCase {
  name: string;
  shop: ShopOverrides;
  order: OrderSpec;
  customerNo: string;
}

// seed 002 "How the connector chooses which customer to use", each branch in the seed's order.
const cases: CustomerCase[] = [
  {
    name: '1. the country template default customer wins whatever the mapping',
    shop: { customerTemplates: [{ countryCode: 'CA', templateCode: 'WEB-CA', defaultCustomerNo: 'C0003' }] },
    order: { shippingAddress: toronto, email: 'ada@example.com' },
    customerNo: 'C0003',
  },
  {
    name: '2. customer import None with a default customer uses the default customer',
    shop: { customerImport: 'none', defaultCustomerNo: 'C0002' },
    order: { email: 'ada@example.com' },
    customerNo: 'C0002',
  },
  {
    name: 'mapping "always the default customer"',
    shop: { customerMappingType: 'default_customer', defaultCustomerNo: 'C0003' },
    order: { email: 'ada@example.com' },
    customerNo: 'C0003',
  },
  {
    name: 'mapping by email/phone finds the customer by email',
    shop: { ...strict, customerMappingType: 'by_email_phone' },
    order: { email: 'alan@example.com' },
    customerNo: 'C0002',
  },
  {
    name: 'mapping by email/phone finds the customer by phone when the email is unknown',
    shop: { ...strict, customerMappingType: 'by_email_phone' },
    order: { email: 'someone-else@example.com', phone: '+1 (617) 555-0102' },
    customerNo: 'C0002',
  },
  {
    name: 'mapping by bill-to info finds the customer by the billing address',
    shop: { ...strict, customerMappingType: 'by_bill_to_info' },
    order: { email: 'unknown@example.com', billingAddress: alansBilling },
    customerNo: 'C0002',
  },
];

/** The shop creates unknown buyers from the WEB template and finds them again by email. */
const createsCustomersByEmail: ShopOverrides = {
  autoCreateUnknownCustomers: true,
  customerTemplateCode: 'WEB',
  customerMappingType: 'by_email_phone',
};

/** A buyer's order without any address (no customer can be made from it), then one with her address. */
async function katherinesTwoOrders(scenario: Scenario) {
  const first = await scenario.merchant.placeOrder({
    email: 'katherine@example.com',
    billingAddress: null,
    shippingAddress: null,
  });
  const second = await scenario.merchant.placeOrder({
    email: 'katherine@example.com',
    billingAddress: { ...alansBilling, name: 'Katherine Johnson', address1: '3 Langley Road' },
  });
  return { first, second };
}

describe('which customer a document is for (seed 002)', () => {
  it.each(cases)('$name', async ({ shop, order, customerNo }) => {
    scenario = await openScenario({ shop });
    const placed = await scenario.merchant.placeOrder(order);
    await scenario.storebridge.syncOrders();
    expect(onlyDocument(await scenario.storebridge.documents(placed.id)).customerNo).toBe(customerNo);
  });

  it('an unknown buyer is created from the template when the shop allows it', async () => {
    scenario = await openScenario({
      shop: { autoCreateUnknownCustomers: true, customerTemplateCode: 'WEB' },
    });
    const placed = await scenario.merchant.placeOrder({
      email: 'katherine@example.com',
      billingAddress: { ...alansBilling, name: 'Katherine Johnson', address1: '3 Langley Road' },
    });
    await scenario.storebridge.syncOrders();
    const document = onlyDocument(await scenario.storebridge.documents(placed.id));
    expect(['C0001', 'C0002', 'C0003']).not.toContain(document.customerNo);
    const customers = await listMasterData(scenario.store.db, 'customers');
    expect(customers).toContainEqual(
      expect.objectContaining({ no: document.customerNo, email: 'katherine@example.com' }),
    );
  });

  it('a missing customer is a staging error that lists the three ways to fix it', async () => {
    scenario = await openScenario({ shop: { ...strict, customerMappingType: 'by_email_phone' } });
    const placed = await scenario.merchant.placeOrder({
      email: 'katherine@example.com',
      billingAddress: null,
    });
    const other = await scenario.merchant.placeOrder({ email: 'ada@example.com' });
    await scenario.storebridge.syncOrders();

    const row = (await scenario.storebridge.ordersToImport()).find(
      (entry) => entry.shopifyOrderId === placed.id,
    );
    expect(row).toMatchObject({ hasError: true, attempts: 1 });
    // seed 002 "Manage missing customers": assign a customer, create one from a template, or map one.
    expect(row?.errorMessage).toMatch(/katherine@example\.com/);
    expect(row?.errorMessage).toMatch(/defaultCustomerNo|assign/i);
    expect(row?.errorMessage).toMatch(/template/i);
    expect(row?.errorMessage).toMatch(/map/i);
    expect(await scenario.storebridge.documents(placed.id)).toEqual([]);
    // The rest go on.
    expect(await scenario.storebridge.documents(other.id)).toHaveLength(1);
  });

  it("a buyer's order without an address waits for a later order of the same run that creates the customer", async () => {
    scenario = await openScenario({ shop: createsCustomersByEmail });
    const { first, second } = await katherinesTwoOrders(scenario);
    const summary = await scenario.storebridge.syncOrders();

    expect(summary.errors).toEqual([]);
    const created = onlyDocument(await scenario.storebridge.documents(second.id)).customerNo;
    expect(onlyDocument(await scenario.storebridge.documents(first.id)).customerNo).toBe(created);
    expect(await scenario.storebridge.ordersToImport()).toEqual([]);
    const again = await scenario.storebridge.syncOrders();
    expect(again).toMatchObject({ imported: 0, errors: [] });
  });

  it("orders brought one by one (webhooks): the waiting order is imported as soon as the buyer's next order creates the customer", async () => {
    scenario = await openScenario({ shop: createsCustomersByEmail });
    await scenario.storebridge.syncOrders(); // the first sync: webhooks take over from here
    const { first, second } = await katherinesTwoOrders(scenario);
    const deps = syncDeps({ db: scenario.store.db, secretKey: scenario.secretKey });

    const waiting = await syncOneOrder(deps, scenario.shopCode, first.id);
    expect(waiting).toMatchObject({
      kind: 'order',
      import: { status: 'failed', error: { code: 'customer_not_found' } },
    });
    const created = await syncOneOrder(deps, scenario.shopCode, second.id);
    expect(created).toMatchObject({
      import: { status: 'imported' },
      waitingImported: [{ status: 'imported' }],
    });

    const customerNo = onlyDocument(await scenario.storebridge.documents(second.id)).customerNo;
    expect(onlyDocument(await scenario.storebridge.documents(first.id)).customerNo).toBe(customerNo);
    expect(await scenario.storebridge.ordersToImport()).toEqual([]);
  });

  it('a B2B order uses the company customer (default company no.)', async () => {
    scenario = await openScenario({
      shop: { companyMappingType: 'default_company', defaultCompanyNo: 'C0002' },
    });
    const companyId = await scenario.merchant.companyId('Analytical Engines Ltd');
    const placed = await scenario.merchant.placeOrder({ companyId, email: 'edsger@example.com' });
    await scenario.storebridge.syncOrders();
    expect(onlyDocument(await scenario.storebridge.documents(placed.id)).customerNo).toBe('C0002');
  });
});
