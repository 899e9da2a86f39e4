import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../../shared/errors.ts';
import type { ExchangeRate } from '../../rules/sales-document.ts';

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/**
 * One exchange rate: how much local currency one unit of `currency` buys from `startingDate` on
 * (seed 002: "The specified currency must have exchange rates configured"). The rate is a decimal
 * string, never a JSON number (a float could already have changed it).
 */
const rateRow = z.object({
  currency: z
    .string({ error: 'is required' })
    .trim()
    .toUpperCase()
    .refine((code) => isoCurrencies.has(code), 'must be an ISO 4217 currency code such as EUR'),
  startingDate: z.iso.date({ error: 'must be a date YYYY-MM-DD' }),
  rate: z
    .string({ error: 'must be a decimal string such as "1.0850" (not a JSON number)' })
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'must be a decimal such as 1.0850')
    .refine((rate) => /[1-9]/.test(rate), 'must be greater than 0'),
});

/** Reads a .json (array, or { "exchangeRates": [...] }) or .csv (header currency,starting_date,rate) file. */
export function parseExchangeRates(fileName: string, content: string): ExchangeRate[] {
  const rows = fileName.toLowerCase().endsWith('.csv')
    ? csvRows(fileName, content)
    : jsonRows(fileName, content);
  const issues: ValidationIssue[] = [];
  const rates: ExchangeRate[] = [];
  const seen = new Map<string, number>();
  for (const { rowNo, value } of rows) {
    const parsed = rateRow.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ path: `${fileName} row ${rowNo} ${issue.path.join('.')}`, message: issue.message });
      continue;
    }
    const key = `${parsed.data.currency} ${parsed.data.startingDate}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      issues.push({ path: `${fileName} row ${rowNo}`, message: `${key} is also on row ${earlier}` });
    seen.set(key, rowNo);
    rates.push(parsed.data);
  }
  if (issues.length > 0)
    throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  return rates;
}

type Row = { rowNo: number; value: unknown };

function jsonRows(fileName: string, content: string): Row[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    throw new ValidationError(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(value) ? value : (value as { exchangeRates?: unknown } | null)?.exchangeRates;
  if (!Array.isArray(list))
    throw new ValidationError(`${fileName}: expected an array of rates or { "exchangeRates": [...] }`);
  return list.map((row, index) => ({ rowNo: index + 1, value: row }));
}

/** Rows numbered as a spreadsheet shows them (header = row 1); headers like starting_date or Starting Date. */
function csvRows(fileName: string, content: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new ValidationError(`${fileName}: not valid CSV (${(error as Error).message})`);
  }
  const [header, ...data] = records;
  if (!header)
    throw new ValidationError(`${fileName}: the file is empty; the first line must name the columns`);
  const fields = header.record.map((h) =>
    h.toLowerCase().replace(/[\s_-]+(\w)/g, (_, c: string) => c.toUpperCase()),
  );
  return data.map(({ record, info }) => ({
    rowNo: info.lines,
    value: Object.fromEntries(fields.map((field, i) => [field, record[i] ?? ''])),
  }));
}
