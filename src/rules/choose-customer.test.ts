import { describe, expect, it } from 'vitest';
import type { Address, Order } from '../domain/order.ts';
import { parseShopSettings, type ShopSettingsInput } from '../shops/index.ts';
import { anOrder } from '../domain/testing/order-builders.ts';
import { chooseCustomer, type CustomerMatches } from './choose-customer.ts';

function settings(overrides: Partial<ShopSettingsInput> = {}) {
  return parseShopSettings({
    code: 'WEB',
    shopifyDomain: 'web.myshopify.com',
    credentials: { accessToken: 'shpat_test' },
    ...overrides,
  });
}

const address = (countryCode: string): Address => ({
  name: 'Ann Smith',
  company: null,
  address1: '1 Main St',
  address2: null,
  city: 'Newark',
  province: 'NJ',
  zip: '07102',
  countryCode,
  phone: null,
});

const ann = {
  shopifyId: '501',
  email: 'ann@example.com',
  phone: '+12015550100',
  firstName: 'Ann',
  lastName: 'Smith',
};
const toGermany: Partial<Order> = {
  customer: ann,
  shippingAddress: address('DE'),
  billingAddress: address('DE'),
};
const toUs: Partial<Order> = { customer: ann, shippingAddress: address('US'), billingAddress: address('US') };
const b2b: Partial<Order> = {
  ...toUs,
  company: { shopifyId: '77', name: 'Acme Inc', locationShopifyId: '78' },
};
const all: CustomerMatches = {
  byShopifyId: 'C-ID',
  byEmail: 'C-MAIL',
  byPhone: 'C-PHONE',
  byBillTo: 'C-BILL',
};
const withTemplates = {
  customerTemplates: [{ countryCode: 'DE', templateCode: 'EU', defaultCustomerNo: 'C-DE' }],
};

/** One row per rule of seed 002 "How the connector chooses which customer to use". */
const cases: {
  name: string;
  order: Partial<Order>;
  shop: Partial<ShopSettingsInput>;
  matches: CustomerMatches;
  expected: string;
}[] = [
  {
    name: '1. ship-to country template default wins over every mapping',
    order: toGermany,
    shop: { ...withTemplates, customerMappingType: 'by_email_phone' },
    matches: all,
    expected: 'existing C-DE (country_template_default)',
  },
  {
    name: '1. ... but only for its own country',
    order: toUs,
    shop: withTemplates,
    matches: all,
    expected: 'existing C-ID (shopify_id)',
  },
  {
    name: '2. import none + default customer',
    order: toUs,
    shop: { customerImport: 'none', defaultCustomerNo: 'C-POS' },
    matches: all,
    expected: 'existing C-POS (default_customer)',
  },
  {
    name: 'always take the default customer',
    order: toUs,
    shop: { customerMappingType: 'default_customer', defaultCustomerNo: 'C-POS' },
    matches: all,
    expected: 'existing C-POS (default_customer)',
  },
  {
    name: 'by email/phone: id first',
    order: toUs,
    shop: {},
    matches: all,
    expected: 'existing C-ID (shopify_id)',
  },
  {
    name: 'by email/phone: then email (and remember the id)',
    order: toUs,
    shop: {},
    matches: { byEmail: 'C-MAIL', byPhone: 'C-PHONE' },
    expected: 'existing C-MAIL (email) link customer 501',
  },
  {
    name: 'by email/phone: then phone',
    order: toUs,
    shop: {},
    matches: { byPhone: 'C-PHONE', byBillTo: 'C-BILL' },
    expected: 'existing C-PHONE (phone) link customer 501',
  },
  {
    name: 'by email/phone: bill-to info is not its rule -> create',
    order: toUs,
    shop: { autoCreateUnknownCustomers: true, customerTemplateCode: 'WEB' },
    matches: { byBillTo: 'C-BILL' },
    expected: 'create "Ann Smith" from WEB link customer 501',
  },
  {
    name: 'by bill-to info: id first',
    order: toUs,
    shop: { customerMappingType: 'by_bill_to_info' },
    matches: all,
    expected: 'existing C-ID (shopify_id)',
  },
  {
    name: 'by bill-to info: then the bill-to address',
    order: toUs,
    shop: { customerMappingType: 'by_bill_to_info' },
    matches: { byEmail: 'C-MAIL', byBillTo: 'C-BILL' },
    expected: 'existing C-BILL (bill_to_info) link customer 501',
  },
  {
    name: 'create from the bill-to country template',
    order: toGermany,
    shop: {
      autoCreateUnknownCustomers: true,
      customerTemplates: [{ countryCode: 'DE', templateCode: 'EU' }],
      customerTemplateCode: 'WEB',
    },
    matches: {},
    expected: 'create "Ann Smith" from EU link customer 501',
  },
  {
    name: 'B2B: default company when import is none',
    order: b2b,
    shop: { companyImport: 'none', defaultCompanyNo: 'C-B2B' },
    matches: all,
    expected: 'existing C-B2B (default_company)',
  },
  {
    name: 'B2B: no country template default for companies',
    order: { ...b2b, shippingAddress: address('DE') },
    shop: withTemplates,
    matches: all,
    expected: 'existing C-ID (shopify_id)',
  },
  {
    name: 'B2B: by email/phone, then create the company from its template',
    order: b2b,
    shop: { autoCreateUnknownCustomers: true, companyTemplateCode: 'B2B' },
    matches: {},
    expected: 'create "Acme Inc" from B2B link company 77',
  },
  {
    name: 'B2B: by tax id matches the id link only',
    order: b2b,
    shop: { companyMappingType: 'by_tax_id' },
    matches: { byShopifyId: 'C-ID', byEmail: 'C-MAIL' },
    expected: 'existing C-ID (shopify_id)',
  },
];

describe('choose the customer (seed 002)', () => {
  it.each(cases)('$name', ({ order, shop, matches, expected }) => {
    const outcome = chooseCustomer(anOrder(order), settings(shop), matches);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { choice } = outcome;
    const link = choice.link ? ` link ${choice.link.kind} ${choice.link.shopifyId}` : '';
    const text =
      choice.kind === 'existing'
        ? `existing ${choice.customerNo} (${choice.reason})`
        : `create "${choice.customer.name}" from ${choice.templateCode}`;
    expect(text + link).toBe(expected);
  });
});

describe('a missing customer is an outcome with the seed three fixes', () => {
  it.each([
    {
      name: 'creating customers is off',
      order: toUs,
      shop: { customerTemplateCode: 'WEB' },
      why: 'creating customers is off (autoCreateUnknownCustomers)',
    },
    {
      name: 'no template applies',
      order: toUs,
      shop: { autoCreateUnknownCustomers: true },
      why: 'no customer template applies',
    },
    {
      name: 'no address to create from (POS)',
      order: { customer: ann },
      shop: { autoCreateUnknownCustomers: true, customerTemplateCode: 'WEB' },
      why: 'the order has no address',
    },
    {
      name: 'B2B without a company template',
      order: b2b,
      shop: { autoCreateUnknownCustomers: true },
      why: 'no company template is set (companyTemplateCode)',
    },
  ])('$name', ({ order, shop, why }) => {
    const outcome = chooseCustomer(anOrder(order), settings(shop), {});
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('customer_not_found');
    expect(outcome.error.message).toContain('Order #1001: no customer found for');
    expect(outcome.error.message).toContain(why);
    expect(outcome.error.message).toMatch(
      /1\) assign an existing customer.*2\) choose a customer template.*3\) map an existing customer/,
    );
  });
});
