import { extname } from 'node:path';
import { ValidationError, type ValidationIssue } from '../shared/errors.ts';

/** A file's rows before validation, numbered as a person counts them. */
export interface SourceFile {
  /** As named in messages: `items.csv`. */
  fileName: string;
  format: 'csv' | 'json';
  /** JSON: the array element, from 1. CSV: the spreadsheet row, so the first row after the header is 2. */
  rows: SourceRow[];
  /** CSV only: field name -> the header as the file wrote it (`unitPrice` -> `unit_price`). */
  columns: ReadonlyMap<string, string>;
}

export interface SourceRow {
  rowNo: number;
  value: unknown;
}

export type FileFormat = SourceFile['format'];

/** The format from the file extension; anything but .json and .csv is refused. */
export function formatOf(fileName: string): FileFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  const message = `unsupported file type "${extension || '(none)'}": use .json or .csv`;
  throw new ValidationError(`${fileName}: ${message}`, [{ path: fileName, message }]);
}

/** A problem with the whole file (not one row): `items.csv: column "sku" appears twice`. */
export function fileError(fileName: string, message: string): ValidationError {
  return new ValidationError(`${fileName}: ${message}`, [{ path: fileName, message }]);
}

/** `items.csv row 3, unitPrice`: where a problem is, with the column as the file wrote it. */
export function rowPath(file: SourceFile, rowNo: number, field?: string): string {
  const where = `${file.fileName} row ${rowNo}`;
  if (!field) return where;
  return `${where}, ${file.columns.get(field) ?? field}`;
}

/** Most problems a message lists; a file with thousands of bad rows gets a count of the rest. */
const shownIssues = 20;

/** One error for every problem in a file, so a person can fix them all in one pass. */
export function fileProblems(issues: readonly ValidationIssue[]): ValidationError {
  const shown = issues.slice(0, shownIssues);
  if (issues.length > shownIssues)
    shown.push({ path: 'and', message: `${issues.length - shownIssues} more problems` });
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new ValidationError(`${first?.path}: ${first?.message}${more}`, shown);
}
