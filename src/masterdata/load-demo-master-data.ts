import customers from './demo/customers.json' with { type: 'json' };
import glAccounts from './demo/gl-accounts.json' with { type: 'json' };
import items from './demo/items.json' with { type: 'json' };
import locations from './demo/locations.json' with { type: 'json' };
import { importSourceFile, type ImportResult } from './import-master-data.ts';
import { jsonRows } from './parse-json.ts';
import type { Queryable } from './repository.ts';
import type { ImportKind } from './types.ts';

/**
 * The demo set, as JSON files beside this one (see README.md). Imported as modules, not read
 * from disk, so the demo works the same from source and from a bundle.
 */
const demoFiles: ReadonlyArray<{ kind: ImportKind; fileName: string; rows: unknown }> = [
  { kind: 'locations', fileName: 'demo/locations.json', rows: locations },
  { kind: 'gl-accounts', fileName: 'demo/gl-accounts.json', rows: glAccounts },
  { kind: 'items', fileName: 'demo/items.json', rows: items },
  { kind: 'customers', fileName: 'demo/customers.json', rows: customers },
];

/**
 * Loads the demo master data through the same validation as a merchant's files. Idempotent:
 * a second load reports everything unchanged. Demo values overwrite edits to the same keys,
 * so `npm start` calls it only on a store without master data of its own (`hasMasterData`).
 */
export async function loadDemoMasterData(db: Queryable): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const { kind, fileName, rows } of demoFiles) {
    results.push(await importSourceFile(db, kind, jsonRows(rows, kind, fileName)));
  }
  return results;
}

/** Whether the store holds any master data, so a real setup is never overwritten by the demo. */
export async function hasMasterData(db: Queryable): Promise<boolean> {
  for (const table of ['items', 'locations', 'customers', 'gl_accounts'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.lit(1).as('found'))
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}
