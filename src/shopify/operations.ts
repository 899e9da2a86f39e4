import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every GraphQL operation storebridge sends lives in its own `.graphql` file under
 * `graphql/`, named after the operation, so that a test can validate each one against
 * Shopify's real schemas and a reviewer sees exactly what we ask Shopify for.
 */
export const operationsFolder = join(import.meta.dirname, 'graphql');

export type OperationName = 'ShopInfo' | 'Locations';

const cache = new Map<string, string>();

export function operationText(name: OperationName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(operationsFolder, `${name}.graphql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** All operation files on disk, for the schema validation test. */
export function allOperationFiles(): string[] {
  return readdirSync(operationsFolder)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => join(operationsFolder, file));
}
