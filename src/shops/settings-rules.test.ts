import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { parseShopSettings } from './settings.ts';

/** The least a valid shop needs; every row below changes only what it is about. */
const minimal = {
  code: 'EU',
  shopifyDomain: 'eu-shop.myshopify.com',
  credentials: { accessToken: 'shpat_1' },
};

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    parseShopSettings(input);
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
  return [];
}

const autoCreditMemo = {
  returnsAndRefundsMode: 'auto_create_credit_memo',
  autoCreateDocuments: true,
  accounts: { refund: '4490', refundNonRestockItems: '4495' },
};

// One row per rule between settings: the settings, and the issues expected ([] = accepted).
const ruleCases = [
  { name: 'a token is enough', input: minimal, issues: [] },
  {
    name: 'client id + secret are enough',
    input: { ...minimal, credentials: { clientId: 'id', clientSecret: 's' } },
    issues: [],
  },
  {
    name: 'no credentials',
    input: { ...minimal, credentials: {} },
    issues: [['credentials', 'needs an accessToken, or a clientId and clientSecret']],
  },
  {
    name: 'client id without secret',
    input: { ...minimal, credentials: { clientId: 'id' } },
    issues: [['credentials.clientSecret', 'is required with credentials.clientId']],
  },
  {
    name: 'client secret without id',
    input: { ...minimal, credentials: { clientSecret: 's' } },
    issues: [['credentials.clientId', 'is required with credentials.clientSecret']],
  },
  {
    name: 'shop currency = local (seed 002: leave empty)',
    input: { ...minimal, shopCurrency: 'USD' },
    issues: [['shopCurrency', 'must be left empty when the shop uses the local currency (localCurrency)']],
  },
  { name: 'shop currency differs from local', input: { ...minimal, shopCurrency: 'EUR' }, issues: [] },
  { name: 'auto credit memos, fully set up', input: { ...minimal, ...autoCreditMemo }, issues: [] },
  {
    name: 'auto credit memos without auto-create documents (seed 002)',
    input: { ...minimal, ...autoCreditMemo, autoCreateDocuments: false },
    issues: [['autoCreateDocuments', 'must be on when returnsAndRefundsMode is auto_create_credit_memo']],
  },
  {
    name: 'auto credit memos without refund accounts',
    input: { ...minimal, ...autoCreditMemo, accounts: {} },
    issues: [
      ['accounts.refund', 'is required when returnsAndRefundsMode is auto_create_credit_memo'],
      ['accounts.refundNonRestockItems', 'is required when returnsAndRefundsMode is auto_create_credit_memo'],
    ],
  },
  {
    name: 'import only needs no refund accounts',
    input: { ...minimal, returnsAndRefundsMode: 'import_only' },
    issues: [],
  },
  {
    name: 'customer refunds with pay-from (seed 000)',
    input: {
      ...minimal,
      returnsAndRefundsMode: 'import_only',
      createCustomerRefunds: true,
      accounts: { refundPayFrom: '1020' },
    },
    issues: [],
  },
  {
    name: 'customer refunds without pay-from (seed 000)',
    input: { ...minimal, returnsAndRefundsMode: 'import_only', createCustomerRefunds: true },
    issues: [
      ['accounts.refundPayFrom', 'is required when customer refunds are created (createCustomerRefunds)'],
    ],
  },
  {
    name: 'customer refunds with refunds not imported',
    input: { ...minimal, createCustomerRefunds: true, accounts: { refundPayFrom: '1020' } },
    issues: [
      [
        'createCustomerRefunds',
        'needs refunds imported: returnsAndRefundsMode must be import_only or auto_create_credit_memo',
      ],
    ],
  },
  {
    name: 'default customer mapping without customer',
    input: { ...minimal, customerMappingType: 'default_customer' },
    issues: [['defaultCustomerNo', 'is required when customerMappingType is default_customer']],
  },
  {
    name: 'customer import none without customer',
    input: { ...minimal, customerImport: 'none' },
    issues: [['defaultCustomerNo', 'is required when customerImport is none']],
  },
  {
    name: 'POS shop: import none, default customer (seed 002)',
    input: {
      ...minimal,
      customerImport: 'none',
      customerMappingType: 'default_customer',
      defaultCustomerNo: 'C-POS',
    },
    issues: [],
  },
  {
    name: 'both default-customer rules broken: one issue',
    input: { ...minimal, customerImport: 'none', customerMappingType: 'default_customer' },
    issues: [['defaultCustomerNo', 'is required when customerMappingType is default_customer']],
  },
  {
    name: 'default company mapping without company',
    input: { ...minimal, companyMappingType: 'default_company' },
    issues: [['defaultCompanyNo', 'is required when companyMappingType is default_company']],
  },
  {
    name: 'company import none without company',
    input: { ...minimal, companyImport: 'none' },
    issues: [['defaultCompanyNo', 'is required when companyImport is none']],
  },
  {
    name: 'two default locations',
    input: {
      ...minimal,
      locationMappings: [
        { shopifyLocationId: '1', locationCode: 'A', isDefault: true },
        { shopifyLocationId: '2', locationCode: 'B', isDefault: true },
      ],
    },
    issues: [['locationMappings', 'may mark at most one location as isDefault']],
  },
];

describe('shop settings rules', () => {
  it.each(ruleCases)('$name', ({ input, issues }) => {
    expect(issuesOf(input)).toEqual(issues.map(([path, message]) => ({ path, message })));
  });

  it('names the field in the message of a single issue, and lists all issues otherwise', () => {
    expect(() => parseShopSettings({ ...minimal, credentials: {} })).toThrow(
      'credentials: needs an accessToken, or a clientId and clientSecret',
    );
    expect(() => parseShopSettings({ ...minimal, code: '', localCurrency: 'EUO' }, 'shop.json')).toThrow(
      /^shop\.json: code: .*; localCurrency: /,
    );
  });
});
