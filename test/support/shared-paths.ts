import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, buildSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/** `../shared/shopify` beside the repository: Shopify's real schemas and recorded payloads. */
export const sharedShopifyDir = resolve(import.meta.dirname, '../../../shared/shopify');

export function readSharedJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(resolve(sharedShopifyDir, relativePath), 'utf8')) as T;
}

let schemas: { stable: GraphQLSchema; unstable: GraphQLSchema } | undefined;

/** The real 2025-01 Admin schema (introspection) and the 2025-09 unstable SDL. */
export function realAdminSchemas(): { stable: GraphQLSchema; unstable: GraphQLSchema } {
  schemas ??= {
    stable: buildClientSchema(
      (
        JSON.parse(
          gunzipSync(
            readFileSync(resolve(sharedShopifyDir, 'schema/admin_schema_2025-01.json.gz')),
          ).toString(),
        ) as { data: IntrospectionQuery }
      ).data,
    ),
    unstable: buildSchema(
      readFileSync(resolve(sharedShopifyDir, 'schema/admin_schema_unstable-2025-09.graphql'), 'utf8'),
    ),
  };
  return schemas;
}
