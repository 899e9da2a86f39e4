import { kinds, type KindDefinition } from './kinds.ts';
import type { Queryable } from './repository.ts';
import type { ImportKind, MasterDataByKind } from './types.ts';

/** Every record of a kind, ordered by key. */
export async function listMasterData<K extends ImportKind>(
  db: Queryable,
  kind: K,
): Promise<MasterDataByKind[K][]> {
  const definition: KindDefinition<MasterDataByKind[K]> = kinds[kind];
  return definition.repository.list(db);
}

/** The records as rows of a JSON import file (prices as "12.50" text), so they import again unchanged. */
export async function listMasterDataAsFileRows(
  db: Queryable,
  kind: ImportKind,
): Promise<Record<string, unknown>[]> {
  const definition = kinds[kind] as KindDefinition<MasterDataByKind[ImportKind]>;
  const values = await definition.repository.list(db);
  return values.map((value) => definition.toFileRow(value));
}
