import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { fileError, type SourceFile } from './source-file.ts';

/**
 * Reads CSV text with a header row into rows keyed by camelCase field names. Headers may be
 * written `unit_price`, `Unit Price` or `unitPrice`; messages name the column as written.
 * Every cell stays a string: the row schemas decide what a cell means.
 */
export function parseCsv(text: string, fileName: string): SourceFile {
  const [first, ...records] = readRecords(text, fileName);
  if (!first) throw fileError(fileName, 'the file is empty; the first line must name the columns');
  const header = first.record;
  const fields = header.map((column) => fieldName(column));
  checkHeader(header, fields, fileName);
  const rows = records.map(({ record, info }) => ({
    rowNo: info.lines,
    value: Object.fromEntries(fields.map((field, column) => [field, record[column] ?? ''])),
  }));
  return {
    fileName,
    format: 'csv',
    rows,
    columns: new Map(fields.map((field, column) => [field, header[column] ?? field])),
  };
}

/**
 * Rows are numbered by the line they end on, so that with the header on line 1 the number is the
 * row a spreadsheet shows. Blank lines and rows of empty cells (spreadsheets leave them) are skipped.
 */
function readRecords(text: string, fileName: string): Array<{ record: string[]; info: { lines: number } }> {
  try {
    return parse(text, {
      info: true,
      bom: true,
      delimiter: delimiterOf(text),
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    if (error instanceof CsvError) throw fileError(fileName, `not valid CSV (${error.message})`);
    throw error;
  }
}

/**
 * Spreadsheets set to a decimal-comma locale save CSV with semicolons. The header line tells
 * which one a file uses: it holds column names only, so a semicolon there is a delimiter.
 */
function delimiterOf(text: string): string {
  const headerLine = text.slice(0, text.search(/\r?\n|$/));
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

/** `billing_country_code`, `Billing Country Code` and `billingCountryCode` -> `billingCountryCode`. */
export function fieldName(column: string): string {
  const parts = column
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean);
  if (parts.length === 1) {
    const [only = ''] = parts;
    return only === only.toUpperCase() ? only.toLowerCase() : only.charAt(0).toLowerCase() + only.slice(1);
  }
  return parts
    .map((part, index) => {
      const lower = part.toLowerCase();
      return index === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

function checkHeader(header: readonly string[], fields: readonly string[], fileName: string): void {
  fields.forEach((field, index) => {
    if (field === '') throw fileError(fileName, `column ${index + 1} has no name in the header`);
    const first = fields.indexOf(field);
    if (first !== index) {
      throw fileError(fileName, `columns "${header[first]}" and "${header[index]}" name the same field`);
    }
  });
}
