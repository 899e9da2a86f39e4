import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/** The stable version the served schema is cut from (SOURCES.md: Shopify/dev-mcp, 2,709 types). */
export const REAL_SCHEMA_FILE = 'admin_schema_2025-01.json.gz';

/** Env override: a path to the `.json.gz` file or to the folder holding it. */
export const SCHEMA_ENV = 'STOREBRIDGE_SHOPIFY_SCHEMA';

/**
 * Finds Shopify's introspection file. The repository keeps no copy: the file lives in
 * `../shared/shopify/schema/` beside the repo root, so we walk up from this module until an
 * ancestor holds `shared/shopify/schema/<file>` (works from any checkout depth or worktree).
 */
export function locateRealSchema(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[SCHEMA_ENV];
  if (override) {
    const full = resolve(override);
    return existsSync(full) && statSync(full).isDirectory() ? join(full, REAL_SCHEMA_FILE) : full;
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'shopify', 'schema', REAL_SCHEMA_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Shopify schema ${REAL_SCHEMA_FILE} not found above ${fileURLToPath(import.meta.url)}; set ${SCHEMA_ENV}`,
  );
}

let cached: { path: string; schema: GraphQLSchema } | undefined;

/** Loads (once per path) the real 2025-01 Admin schema with graphql-js's `buildClientSchema`. */
export function loadRealSchema(path: string = locateRealSchema()): GraphQLSchema {
  if (cached?.path === path) return cached.schema;
  const json = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as { data: IntrospectionQuery };
  const schema = buildClientSchema(json.data);
  cached = { path, schema };
  return schema;
}
