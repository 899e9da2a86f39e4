import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { fieldName, parseCsv } from './parse-csv.ts';

describe('fieldName', () => {
  it.each([
    ['no', 'no'],
    ['SKU', 'sku'],
    ['unit_price', 'unitPrice'],
    ['unitPrice', 'unitPrice'],
    ['Unit Price', 'unitPrice'],
    ['UNIT_PRICE', 'unitPrice'],
    ['billing_address1', 'billingAddress1'],
    ['billing_country_code', 'billingCountryCode'],
    ['  account-type ', 'accountType'],
  ])('%s -> %s', (column, field) => {
    expect(fieldName(column)).toBe(field);
  });
});

describe('parseCsv', () => {
  it('keys cells by field and numbers rows as a spreadsheet does (header = row 1)', () => {
    const file = parseCsv('\uFEFFno,unit_price\nA,1.00\n\nB,"2.00"\n', 'items.csv');
    expect(file.rows).toEqual([
      { rowNo: 2, value: { no: 'A', unitPrice: '1.00' } },
      { rowNo: 4, value: { no: 'B', unitPrice: '2.00' } },
    ]);
    expect(file.columns.get('unitPrice')).toBe('unit_price');
  });

  it('skips rows of empty cells that spreadsheets leave at the end', () => {
    expect(parseCsv('code,name\nMAIN,Main\n,\n,\n', 'l.csv').rows).toHaveLength(1);
  });

  it('reads semicolon files, where a decimal comma stays inside the cell', () => {
    const file = parseCsv('no;unit_price\nA;12,50\n', 'items.csv');
    expect(file.rows[0]?.value).toEqual({ no: 'A', unitPrice: '12,50' });
  });

  it.each([
    ['', 'items.csv: the file is empty; the first line must name the columns'],
    ['no,sku,SKU\n1,a,b\n', 'items.csv: columns "sku" and "SKU" name the same field'],
    ['no,,sku\n1,2,3\n', 'items.csv: column 2 has no name in the header'],
    ['no,sku\n1,a,extra\n', 'items.csv: not valid CSV'],
    ['no,sku\n"1,a\n', 'items.csv: not valid CSV'],
  ])('refuses %j', (text, message) => {
    expect(() => parseCsv(text, 'items.csv')).toThrow(ValidationError);
    expect(() => parseCsv(text, 'items.csv')).toThrow(message);
  });
});
