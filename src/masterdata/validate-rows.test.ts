import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { kinds } from './kinds.ts';
import { parseCsv } from './parse-csv.ts';
import { parseJson } from './parse-json.ts';
import type { ImportKind } from './types.ts';
import { validateRows } from './validate-rows.ts';

function validate(kind: ImportKind, fileName: string, content: string) {
  const file = fileName.endsWith('.csv') ? parseCsv(content, fileName) : parseJson(content, kind, fileName);
  return validateRows(kinds[kind] as never, file).map(({ value }) => value);
}

function problems(kind: ImportKind, fileName: string, content: string): string[] {
  try {
    validate(kind, fileName, content);
  } catch (error) {
    if (error instanceof ValidationError)
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected the rows to be refused');
}

const itemsHeader = 'no,sku,description,type,unit_price,currency\n';

describe('validateRows: good rows become domain values', () => {
  it('items from CSV: prices in minor units, empty SKU as null, type defaults to inventory', () => {
    const csv = `no,sku,description,type,unitPrice,currency\n1000,SB-TEE, Tee ,inventory,25.00,usd\n1900,,Wrap,,4,USD\n5,,Yen thing,service,1000,JPY\n`;
    expect(validate('items', 'items.csv', csv)).toEqual([
      {
        no: '1000',
        sku: 'SB-TEE',
        description: 'Tee',
        type: 'inventory',
        unitPrice: { minor: 2500, currency: 'USD' },
      },
      {
        no: '1900',
        sku: null,
        description: 'Wrap',
        type: 'inventory',
        unitPrice: { minor: 400, currency: 'USD' },
      },
      {
        no: '5',
        sku: null,
        description: 'Yen thing',
        type: 'service',
        unitPrice: { minor: 1000, currency: 'JPY' },
      },
    ]);
  });

  it('items from JSON wrapped in { "items": [...] }, numeric nos as text', () => {
    const json = JSON.stringify({
      items: [{ no: 1000, description: 'Tee', unitPrice: '25', currency: 'EUR' }],
    });
    expect(validate('items', 'items.json', json)).toEqual([
      {
        no: '1000',
        sku: null,
        description: 'Tee',
        type: 'inventory',
        unitPrice: { minor: 2500, currency: 'EUR' },
      },
    ]);
  });

  it('customers from CSV: flat billing_/shipping_ columns become two addresses, empty ones null', () => {
    const csv =
      'no,name,email,phone,billing_address1,billing_city,billing_country_code,shipping_address1\n' +
      'C1,Ada,Ada@Example.com,+1 (212) 555-0101,1 Main St,New York,us,\n';
    expect(validate('customers', 'customers.csv', csv)).toEqual([
      {
        no: 'C1',
        name: 'Ada',
        email: 'Ada@Example.com',
        phone: '+12125550101',
        billingAddress: {
          name: null,
          company: null,
          address1: '1 Main St',
          address2: null,
          city: 'New York',
          province: null,
          zip: null,
          countryCode: 'US',
          phone: null,
        },
        shippingAddress: null,
      },
    ]);
  });

  it('G/L accounts from JSON wrapped in { "glAccounts": [...] }', () => {
    const json = JSON.stringify({ glAccounts: [{ no: '4000', name: 'Sales', accountType: 'Revenue' }] });
    expect(validate('gl-accounts', 'accounts.json', json)).toEqual([
      { no: '4000', name: 'Sales', accountType: 'revenue' },
    ]);
  });
});

describe('validateRows: every problem names the file, row and column', () => {
  it.each<{ name: string; kind: ImportKind; file: string; content: string; expected: string[] }>([
    {
      name: 'decimal comma in a price',
      kind: 'items',
      file: 'items.csv',
      content: 'no,sku,description,unitPrice,currency\n1,A,x,1.00,USD\n2,B,y,"12,50",USD\n',
      expected: ['items.csv row 3, unitPrice: "12,50" is not a decimal amount'],
    },
    {
      name: 'more decimals than the currency has',
      kind: 'items',
      file: 'items.csv',
      content: `${itemsHeader}1,A,x,inventory,1.005,USD\n2,B,y,inventory,10.5,JPY\n`,
      expected: [
        'items.csv row 2, unit_price: "1.005" has more decimals than USD allows (2)',
        'items.csv row 3, unit_price: "10.5" has more decimals than JPY allows (0)',
      ],
    },
    {
      name: 'negative price, unknown type, bad currency, empty description',
      kind: 'items',
      file: 'items.csv',
      content: `${itemsHeader}1,A,,gift,-1,US\n`,
      expected: [
        'items.csv row 2, description: is required',
        'items.csv row 2, type: "gift" is not one of inventory, service',
        'items.csv row 2, unit_price: "-1" is not a decimal amount',
        'items.csv row 2, currency: "US" is not an ISO 4217 currency code',
      ],
    },
    {
      name: 'a price as a JSON number',
      kind: 'items',
      file: 'items.json',
      content: '[{ "no": "1", "description": "x", "unitPrice": 12.5, "currency": "USD" }]',
      expected: ['items.json row 1, unitPrice: must be a decimal amount in quotes, e.g. "12.50"'],
    },
    {
      name: 'a key repeated in the file names both rows',
      kind: 'locations',
      file: 'locations.csv',
      content: 'code,name\nMAIN,Main\nEAST,East\nMAIN,Main again\n',
      expected: ['locations.csv row 4, code: "MAIN" is also on row 2'],
    },
    {
      name: 'a SKU repeated in the file names both rows',
      kind: 'items',
      file: 'items.json',
      content: JSON.stringify([
        { no: '1', sku: 'SB-A', description: 'a', unitPrice: '1', currency: 'USD' },
        { no: '2', sku: 'SB-A', description: 'b', unitPrice: '1', currency: 'USD' },
      ]),
      expected: ['items.json row 2, sku: "SB-A" is also on row 1'],
    },
    {
      name: 'unknown and missing CSV columns, once for the file',
      kind: 'items',
      file: 'items.csv',
      content: 'no,sku,unit_prise,currency\n1,A,1,USD\n2,B,1,USD\n',
      expected: [
        'items.csv: column "unit_prise" is not a field of an item (columns: no, sku, description, type, unit_price, currency)',
        'items.csv: column "description" is missing',
        'items.csv: column "unit_price" is missing',
      ],
    },
    {
      name: 'unknown JSON field and a row that is not an object',
      kind: 'gl-accounts',
      file: 'accounts.json',
      content: '[{ "no": "1", "name": "Bank", "accountType": "asset", "colour": "red" }, "2000"]',
      expected: [
        'accounts.json row 1, colour: is not a field of a G/L account',
        'accounts.json row 2: must be an object with the fields of a G/L account',
      ],
    },
    {
      name: 'bad account type',
      kind: 'gl-accounts',
      file: 'accounts.csv',
      content: 'no,name,account_type\n4000,Sales,income\n',
      expected: [
        'accounts.csv row 2, account_type: "income" is not one of asset, liability, equity, revenue, expense',
      ],
    },
    {
      name: 'customer email, phone and country code',
      kind: 'customers',
      file: 'customers.csv',
      content: 'no,name,email,phone,billing_country_code\nC1,Ada,ada-at-example,call me,USA\n',
      expected: [
        'customers.csv row 2, email: "ada-at-example" is not an email address',
        'customers.csv row 2, phone: "call me" is not a phone number',
        'customers.csv row 2, billing_country_code: "USA" is not a two-letter country code',
      ],
    },
    {
      name: 'nested JSON address field',
      kind: 'customers',
      file: 'customers.json',
      content:
        '[{ "no": "C1", "name": "Ada", "shippingAddress": { "countryCode": "X", "street": "1 Main" } }]',
      expected: [
        'customers.json row 1, shippingAddress.street: is not a field of a customer',
        'customers.json row 1, shippingAddress.countryCode: "X" is not a two-letter country code',
      ],
    },
    {
      name: 'JSON that wraps the wrong kind',
      kind: 'items',
      file: 'items.json',
      content: '{ "locations": [] }',
      expected: ['items.json: expected an array of items or { "items": [...] }'],
    },
  ])('$name', ({ kind, file, content, expected }) => {
    expect(problems(kind, file, content).sort()).toEqual([...expected].sort());
  });

  it('lists at most 20 problems and counts the rest', () => {
    const rows = Array.from({ length: 25 }, (_, index) => `L${index},`).join('\n');
    const found = problems('locations', 'locations.csv', `code,name\n${rows}\n`);
    expect(found).toHaveLength(21);
    expect(found.at(-1)).toBe('and: 5 more problems');
  });

  it('the error message is one line: the first problem and how many more', () => {
    const content = `${itemsHeader}1,A,x,inventory,abc,USD\n2,B,y,inventory,def,USD\n`;
    expect(() => validate('items', 'items.csv', content)).toThrow(
      'items.csv row 2, unit_price: "abc" is not a decimal amount (and 1 more)',
    );
  });
});
