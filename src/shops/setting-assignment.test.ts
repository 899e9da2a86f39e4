import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { applyAssignments, parseAssignments } from './setting-assignment.ts';

// One row per way a `key=value` text is read, by the type of the setting it names.
const readCases = [
  { text: 'autoSyncOrders=true', key: 'autoSyncOrders', value: true },
  { text: 'autoSyncOrders=OFF', key: 'autoSyncOrders', value: false },
  { text: 'sendShippingConfirmation=0', key: 'sendShippingConfirmation', value: false },
  { text: 'syncFrequencyMinutes=30', key: 'syncFrequencyMinutes', value: 30 },
  { text: 'orderFilters.tags=@*vip*, wholesale', key: 'orderFilters.tags', value: ['@*vip*', 'wholesale'] },
  { text: 'taxAreaPriority=bill_to,ship_to', key: 'taxAreaPriority', value: ['bill_to', 'ship_to'] },
  { text: 'orderFilters.channel=<>Point of Sale', key: 'orderFilters.channel', value: '<>Point of Sale' },
  { text: 'accounts.refund=8000', key: 'accounts.refund', value: '8000' },
  { text: 'endpoint=http://127.0.0.1:4000/x?a=b', key: 'endpoint', value: 'http://127.0.0.1:4000/x?a=b' },
  { text: 'accounts=json:{"refund":"8000"}', key: 'accounts', value: { refund: '8000' } },
  {
    text: 'locationMappings=json:[{"shopifyLocationId":"1","locationCode":"MAIN"}]',
    key: 'locationMappings',
    value: [{ shopifyLocationId: '1', locationCode: 'MAIN' }],
  },
  { text: 'syncFrequencyMinutes=json:45', key: 'syncFrequencyMinutes', value: 45 },
];

describe('reading key=value', () => {
  it.each(readCases)('$text', ({ text, key, value }) => {
    expect(parseAssignments([text])).toEqual([{ key, unset: false, value }]);
  });

  it('an empty value unsets the setting, so its default applies', () => {
    expect(parseAssignments(['shopCurrency='])).toEqual([{ key: 'shopCurrency', unset: true }]);
  });

  // One row per text that cannot be read: the field named and why.
  const refusedCases = [
    { text: 'autoSyncOrders=maybe', path: 'autoSyncOrders', message: 'must be true or false' },
    { text: 'syncFrequencyMinutes=ten', path: 'syncFrequencyMinutes', message: 'must be a number' },
    { text: 'accounts=8000', path: 'accounts', message: expect.stringContaining('is a group') },
    { text: 'locationMappings=MAIN', path: 'locationMappings', message: expect.stringContaining('json:[') },
    {
      text: 'accounts=json:{refund}',
      path: 'accounts',
      message: expect.stringContaining('is not valid JSON'),
    },
    { text: 'autoSyncOrders', path: 'autoSyncOrders', message: 'must be written key=value' },
    { text: '=true', path: '=true', message: 'must be written key=value' },
    { text: 'constructor=1', path: 'constructor', message: 'is not a shop setting' },
    { text: 'accounts.refund.no=1', path: 'accounts.refund.no', message: 'is not a shop setting' },
  ];
  it.each(refusedCases)('refuses $text', ({ text, path, message }) => {
    expect(() => parseAssignments([text])).toThrow(ValidationError);
    try {
      parseAssignments([text]);
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([{ path, message }]);
    }
  });

  it('names every unknown key at once', () => {
    expect(() => parseAssignments(['autoCreateOrders=true', 'tip=4410', 'autoSyncOrders=true'])).toThrow(
      'autoCreateOrders: is not a shop setting; tip: is not a shop setting',
    );
  });

  it('needs at least one setting', () => {
    expect(() => parseAssignments([])).toThrow('give at least one setting as key=value');
  });
});

describe('applying assignments', () => {
  it('sets nested keys without touching the original, and unsets', () => {
    const settings = { code: 'EU', shopCurrency: 'EUR', accounts: { tip: '4410' } };
    const result = applyAssignments(settings, [
      { key: 'accounts.refund', unset: false, value: '8000' },
      { key: 'orderFilters.channel', unset: false, value: 'Point of Sale' },
      { key: 'shopCurrency', unset: true },
    ]);
    expect(result).toEqual({
      code: 'EU',
      accounts: { tip: '4410', refund: '8000' },
      orderFilters: { channel: 'Point of Sale' },
    });
    expect(settings).toEqual({ code: 'EU', shopCurrency: 'EUR', accounts: { tip: '4410' } });
  });
});
