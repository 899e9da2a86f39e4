import { readFile } from 'node:fs/promises';
import { ValidationError } from '../shared/errors.ts';

/**
 * Reads a shop file (JSON, see examples/shop.json); an unreadable or malformed file names itself.
 * Keys named "//" are comments (the package.json convention) and are dropped before validation,
 * so an example file can explain itself while the settings model still refuses unknown keys.
 */
export async function readShopFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ValidationError(
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return withoutComments(JSON.parse(text) as unknown);
  } catch (error) {
    throw new ValidationError(`${path}: is not valid JSON (${(error as Error).message})`);
  }
}

export function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key]) => key !== '//');
  return Object.fromEntries(entries.map(([key, entry]) => [key, withoutComments(entry)]));
}
