import { isDeepStrictEqual } from 'node:util';

export interface UpsertPlan<T> {
  /** Values whose key is new. */
  created: T[];
  /** Values whose key exists with different contents. */
  updated: T[];
  /** Values identical to what is stored: not written, so a re-import leaves `updated_at` alone. */
  unchanged: T[];
}

/** Sorts a file's values against the stored ones (pure: the caller loads and writes). */
export function planUpsert<T>(
  values: readonly T[],
  existing: ReadonlyMap<string, T>,
  keyOf: (value: T) => string,
): UpsertPlan<T> {
  const plan: UpsertPlan<T> = { created: [], updated: [], unchanged: [] };
  for (const value of values) {
    const stored = existing.get(keyOf(value));
    if (stored === undefined) plan.created.push(value);
    else if (isDeepStrictEqual(stored, value)) plan.unchanged.push(value);
    else plan.updated.push(value);
  }
  return plan;
}
