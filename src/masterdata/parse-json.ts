import { fileError, type SourceFile } from './source-file.ts';
import type { ImportKind } from './types.ts';

/** The names a JSON file may wrap its rows in: `{ "items": [...] }`, `{ "glAccounts": [...] }`. */
const wrapperNames: Record<ImportKind, readonly string[]> = {
  items: ['items'],
  locations: ['locations'],
  customers: ['customers'],
  'gl-accounts': ['glAccounts', 'gl-accounts', 'gl_accounts'],
};

export function parseJson(text: string, kind: ImportKind, fileName: string): SourceFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fileError(fileName, `not valid JSON (${(error as Error).message})`);
  }
  return jsonRows(value, kind, fileName);
}

/** Rows from an already parsed JSON value: an array of rows, or an object wrapping one. */
export function jsonRows(value: unknown, kind: ImportKind, fileName: string): SourceFile {
  const rows = Array.isArray(value) ? value : unwrap(value, kind);
  if (!rows) {
    const wrapper = wrapperNames[kind][0];
    throw fileError(fileName, `expected an array of ${kind} or { "${wrapper}": [...] }`);
  }
  return {
    fileName,
    format: 'json',
    rows: rows.map((row, index) => ({ rowNo: index + 1, value: row })),
    columns: new Map(),
  };
}

function unwrap(value: unknown, kind: ImportKind): unknown[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const name of wrapperNames[kind]) {
    const rows = (value as Record<string, unknown>)[name];
    if (Array.isArray(rows)) return rows;
  }
  return undefined;
}
