import { z } from 'zod';
import { key, requiredText } from './fields.ts';
import type { Location } from './types.ts';

/** One location as a file holds it: `code, name`. */
export const locationFields = z.strictObject({ code: key, name: requiredText });

export const locationRow = locationFields.transform((row): Location => ({ code: row.code, name: row.name }));

export function locationToFileRow(location: Location): z.input<typeof locationFields> {
  return { code: location.code, name: location.name };
}
