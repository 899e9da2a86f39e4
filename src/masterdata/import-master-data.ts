import { fileProblems, formatOf, type SourceFile } from './source-file.ts';
import { checkSkuHolders } from './check-sku-holders.ts';
import { kinds, type KindDefinition } from './kinds.ts';
import { parseCsv } from './parse-csv.ts';
import { parseJson } from './parse-json.ts';
import { planUpsert } from './plan-upsert.ts';
import type { Queryable } from './repository.ts';
import type { ImportKind, MasterDataByKind } from './types.ts';
import { validateRows, type NumberedValue } from './validate-rows.ts';

export interface ImportResult {
  kind: ImportKind;
  created: number;
  updated: number;
  unchanged: number;
}

export interface MasterDataFile {
  /** Names the file in messages and gives the format by its extension (.json or .csv). */
  fileName: string;
  content: string;
}

/**
 * Imports one file of master data, all or nothing: every row is validated first, then the file
 * is stored in one transaction that any problem rolls back. Rows are matched by key (item no.,
 * location code, …), so importing the same file again updates in place and reports it unchanged.
 * Throws ValidationError naming the file, row and column of each problem.
 */
export async function importMasterData(
  db: Queryable,
  kind: ImportKind,
  file: MasterDataFile,
): Promise<ImportResult> {
  const format = formatOf(file.fileName);
  const source =
    format === 'csv' ? parseCsv(file.content, file.fileName) : parseJson(file.content, kind, file.fileName);
  return importSourceFile(db, kind, source);
}

/** The import of rows already read from a file (the demo set arrives as parsed JSON). */
export async function importSourceFile<K extends ImportKind>(
  db: Queryable,
  kind: K,
  file: SourceFile,
): Promise<ImportResult> {
  const definition: KindDefinition<MasterDataByKind[K]> = kinds[kind];
  const values = validateRows(definition, file);
  const counts = await db.transaction().execute(async (trx) => {
    // Inside the transaction only `trx`: on PGlite the outer `db` would wait on this transaction's lock.
    if (kind === 'items')
      await refuseTakenSkus(trx, file, values as NumberedValue<MasterDataByKind['items']>[]);
    const plain = values.map(({ value }) => value);
    const existing = await definition.repository.findByKeys(trx, plain.map(definition.keyOf));
    const plan = planUpsert(plain, existing, definition.keyOf);
    await definition.repository.upsert(trx, [...plan.created, ...plan.updated], existing);
    return { created: plan.created.length, updated: plan.updated.length, unchanged: plan.unchanged.length };
  });
  return { kind, ...counts };
}

async function refuseTakenSkus(
  db: Queryable,
  file: SourceFile,
  items: readonly NumberedValue<MasterDataByKind['items']>[],
): Promise<void> {
  const issues = await checkSkuHolders(db, file, items);
  if (issues.length > 0) throw fileProblems(issues);
}
