import type { GraphQLSchema } from 'graphql';
import { buildServedSchema } from './build-served-schema.ts';
import { loadRealSchema, locateRealSchema } from './real-schema.ts';
import { servedSelection } from './selection.ts';

let served: { path: string; schema: GraphQLSchema } | undefined;

/** The emulator's schema, cut once per process from the real 2025-01 file. */
export function getServedSchema(path: string = locateRealSchema()): GraphQLSchema {
  if (served?.path !== path)
    served = { path, schema: buildServedSchema(loadRealSchema(path), servedSelection) };
  return served.schema;
}
