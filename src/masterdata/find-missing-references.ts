import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';

export type MasterDataKind = 'gl_account' | 'location' | 'customer' | 'item';

export interface MasterDataReferences {
  glAccounts?: readonly string[];
  locations?: readonly string[];
  customers?: readonly string[];
  items?: readonly string[];
}

export interface MissingReference {
  kind: MasterDataKind;
  no: string;
}

/** Which table and key column each kind of reference points at. */
const targets = [
  { field: 'glAccounts', kind: 'gl_account', table: 'gl_accounts', key: 'no' },
  { field: 'locations', kind: 'location', table: 'locations', key: 'code' },
  { field: 'customers', kind: 'customer', table: 'customers', key: 'no' },
  { field: 'items', kind: 'item', table: 'items', key: 'no' },
] as const;

/**
 * The references (account nos., location codes, customer and item nos.) that do not exist,
 * in the order given and without repeats, so that settings that point at them can be refused
 * with a message naming each one. Empty when everything exists. Pass a transaction to check
 * inside one (on PGlite the outer `db` would wait for the transaction's own lock).
 */
export async function findMissingReferences(
  db: Kysely<Database>,
  references: MasterDataReferences,
): Promise<MissingReference[]> {
  const missing: MissingReference[] = [];
  for (const { field, kind, table, key } of targets) {
    const wanted = [...new Set(references[field] ?? [])];
    if (wanted.length === 0) continue;
    const rows = await db.selectFrom(table).select(key).where(key, 'in', wanted).execute();
    const found = new Set(rows.map((row) => (row as Record<typeof key, string>)[key]));
    for (const no of wanted) if (!found.has(no)) missing.push({ kind, no });
  }
  return missing;
}
