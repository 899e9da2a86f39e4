import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { parseShopSettings, type ShopSettings } from './settings.ts';

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

describe('shop settings defaults', () => {
  it('fills every setting the seeds name from code, domain and token alone', () => {
    const settings: ShopSettings = parseShopSettings(minimal);
    expect(settings).toMatchObject({
      name: 'EU',
      apiVersion: '2025-01',
      localCurrency: 'USD',
      timeZone: 'UTC',
      syncFrequencyMinutes: 15,
      autoSyncOrders: false,
      archiveProcessedOrders: false,
      orderFilters: { tags: [], financialStatuses: [], fulfillmentStatuses: [], riskLevels: [] },
      autoCreateDocuments: false,
      fulfilledOrderDocument: 'sales_invoice',
      sendShippingConfirmation: true,
      taxAreaPriority: ['ship_to', 'sell_to', 'bill_to'],
      returnsAndRefundsMode: 'none',
      createCustomerRefunds: false,
      returnLocationPriority: 'default_return_location',
      accounts: {},
      customerImport: 'with_order',
      customerMappingType: 'by_email_phone',
      companyImport: 'with_order',
      companyMappingType: 'by_email_phone',
      customerTemplates: [],
      shipmentMethodMappings: [],
      locationMappings: [],
    });
    expect(settings.shopCurrency).toBeUndefined();
    expect(settings.integrationDate).toBeUndefined();
  });

  it('normalises codes: domain and currencies by case', () => {
    const settings = parseShopSettings({
      ...minimal,
      shopifyDomain: ' EU-Shop.MyShopify.com ',
      localCurrency: 'eur',
    });
    expect(settings.shopifyDomain).toBe('eu-shop.myshopify.com');
    expect(settings.localCurrency).toBe('EUR');
  });
});

// One row per field check: the input changes, and the one issue expected (field and message).
const fieldCases = [
  { name: 'missing code', input: { ...minimal, code: undefined }, path: 'code', message: 'is required' },
  {
    name: 'code with a space',
    input: { ...minimal, code: 'EU WEB' },
    path: 'code',
    message: 'must be 1-20 characters of A-Z, a-z, 0-9, _ and -',
  },
  {
    name: 'code too long',
    input: { ...minimal, code: 'A'.repeat(21) },
    path: 'code',
    message: 'must be 1-20 characters of A-Z, a-z, 0-9, _ and -',
  },
  {
    name: 'custom domain',
    input: { ...minimal, shopifyDomain: 'shop.example.com' },
    path: 'shopifyDomain',
    message: 'must be a <shop>.myshopify.com domain',
  },
  {
    name: 'endpoint not a URL',
    input: { ...minimal, endpoint: 'localhost:4000' },
    path: 'endpoint',
    message: 'must be an http(s) URL',
  },
  {
    name: 'endpoint ftp',
    input: { ...minimal, endpoint: 'ftp://emulator' },
    path: 'endpoint',
    message: 'must be an http(s) URL',
  },
  {
    name: 'api version not quarterly',
    input: { ...minimal, apiVersion: '2025-02' },
    path: 'apiVersion',
    message: expect.stringContaining('YYYY-MM'),
  },
  {
    name: 'unknown currency',
    input: { ...minimal, localCurrency: 'EUO' },
    path: 'localCurrency',
    message: expect.stringContaining('ISO 4217'),
  },
  {
    name: 'integration date not a date',
    input: { ...minimal, integrationDate: '2025-02-30' },
    path: 'integrationDate',
    message: 'must be a date YYYY-MM-DD',
  },
  {
    name: 'sync every 0 minutes',
    input: { ...minimal, syncFrequencyMinutes: 0 },
    path: 'syncFrequencyMinutes',
    message: expect.stringContaining('>=1'),
  },
  {
    name: 'boolean as text',
    input: { ...minimal, autoSyncOrders: 'yes' },
    path: 'autoSyncOrders',
    message: expect.stringContaining('expected boolean'),
  },
  {
    name: 'unknown risk level',
    input: { ...minimal, orderFilters: { riskLevels: ['none'] } },
    path: 'orderFilters.riskLevels.0',
    message: expect.stringContaining('"low"'),
  },
  {
    name: 'empty tag filter',
    input: { ...minimal, orderFilters: { tags: [' '] } },
    path: 'orderFilters.tags.0',
    message: 'must not be empty',
  },
  {
    name: 'tax area twice',
    input: { ...minimal, taxAreaPriority: ['ship_to', 'ship_to'] },
    path: 'taxAreaPriority',
    message: 'must not list a value twice',
  },
  {
    name: 'document kind',
    input: { ...minimal, fulfilledOrderDocument: 'invoice' },
    path: 'fulfilledOrderDocument',
    message: expect.stringContaining('cash_sale'),
  },
  {
    name: 'time zone',
    input: { ...minimal, timeZone: 'Mars/Olympus' },
    path: 'timeZone',
    message: expect.stringContaining('IANA'),
  },
  {
    name: 'time zone as offset',
    input: { ...minimal, timeZone: '+01:00' },
    path: 'timeZone',
    message: expect.stringContaining('IANA'),
  },
  {
    name: 'email',
    input: { ...minimal, notificationEmail: 'finance' },
    path: 'notificationEmail',
    message: 'must be an email address',
  },
  {
    name: 'unknown setting',
    input: { ...minimal, autoCreateOrders: true },
    path: 'autoCreateOrders',
    message: 'is not a shop setting',
  },
  {
    name: 'unknown account',
    input: { ...minimal, accounts: { refunds: '8000' } },
    path: 'accounts.refunds',
    message: 'is not a shop setting',
  },
  {
    name: 'show placeholder as a secret',
    input: { ...minimal, credentials: { accessToken: '(set)' } },
    path: 'credentials.accessToken',
    message: expect.stringContaining('placeholder'),
  },
  {
    name: 'country code',
    input: { ...minimal, customerTemplates: [{ countryCode: 'XY', templateCode: 'T' }] },
    path: 'customerTemplates.0.countryCode',
    message: expect.stringContaining('ISO 3166'),
  },
  {
    name: 'country twice',
    input: {
      ...minimal,
      customerTemplates: [
        { countryCode: 'DE', templateCode: 'A' },
        { countryCode: 'de', templateCode: 'B' },
      ],
    },
    path: 'customerTemplates.1.countryCode',
    message: '"DE" is listed twice',
  },
  {
    name: 'charges type without no.',
    input: { ...minimal, shipmentMethodMappings: [{ shopifyTitle: 'Std', chargesType: 'item' }] },
    path: 'shipmentMethodMappings.0.chargesNo',
    message: 'is required when chargesType is set',
  },
  {
    name: 'charges no. without type',
    input: { ...minimal, shipmentMethodMappings: [{ shopifyTitle: 'Std', chargesNo: '4400' }] },
    path: 'shipmentMethodMappings.0.chargesType',
    message: 'is required when chargesNo is set',
  },
  {
    name: 'agent service without agent',
    input: { ...minimal, shipmentMethodMappings: [{ shopifyTitle: 'Std', shippingAgentServiceCode: 'X' }] },
    path: 'shipmentMethodMappings.0.shippingAgentCode',
    message: 'is required with shippingAgentServiceCode',
  },
  {
    name: 'Shopify location twice',
    input: {
      ...minimal,
      locationMappings: [
        { shopifyLocationId: '1', locationCode: 'A' },
        { shopifyLocationId: '1', locationCode: 'B' },
      ],
    },
    path: 'locationMappings.1.shopifyLocationId',
    message: '"1" is listed twice',
  },
  {
    name: 'account code too long',
    input: { ...minimal, accounts: { tip: 'X'.repeat(21) } },
    path: 'accounts.tip',
    message: 'must be at most 20 characters',
  },
];

describe('shop settings fields', () => {
  it.each(fieldCases)('$name -> $path', ({ input, path, message }) => {
    expect(issuesOf(input)).toEqual([{ path, message }]);
  });
});
