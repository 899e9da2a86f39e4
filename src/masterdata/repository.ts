import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';

/** The store or a transaction on it (on PGlite, code inside a transaction must use the transaction). */
export type Queryable = Kysely<Database>;

/** What an import needs from each kind's table; the snake_case mapping lives behind it. */
export interface MasterDataRepository<T> {
  /** The existing values among `keys`, by key. */
  findByKeys(db: Queryable, keys: readonly string[]): Promise<Map<string, T>>;
  /** Inserts new values and overwrites existing ones with the same key. */
  upsert(db: Queryable, values: readonly T[], existing: ReadonlyMap<string, T>): Promise<void>;
  /** Everything, ordered by key. */
  list(db: Queryable): Promise<T[]>;
}

/** Rows per statement: stays far below PostgreSQL's 65,535 bind parameters for every table. */
export const upsertChunkSize = 500;

export function chunks<T>(values: readonly T[], size = upsertChunkSize): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += size) result.push(values.slice(start, start + size));
  return result;
}
