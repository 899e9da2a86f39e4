/**
 * `bigint` columns (minor units, counters) come back as strings from `pg` and as numbers from
 * PGlite. Both backends are normalised to a JS number here, refusing values a number cannot hold
 * exactly rather than rounding them.
 */
export function parseInt8(text: string | number | bigint): number {
  const value = typeof text === 'number' ? text : Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`bigint value ${String(text)} exceeds the safe integer range`);
  return value;
}

export const INT8_OID = 20;
