import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { shopifyParseError, validateOperation } from './validation/validate-operation.ts';

/**
 * A query text parsed and validated once per schema. Clients send the same few documents over and
 * over with other variables (an import sends each of its operations thousands of times), and
 * parsing plus graphql-js's ~30 validation rules cost more than answering a small query; both
 * depend on the text and the schema only. Errors are kept as GraphQLErrors and serialised for
 * each answer, so every caller gets its own JSON.
 */
export type PreparedDocument =
  | { readonly kind: 'parse-error'; readonly error: GraphQLError }
  | { readonly kind: 'invalid'; readonly errors: readonly GraphQLError[] }
  | {
      readonly kind: 'valid';
      readonly document: DocumentNode;
      /** The document's fragment definitions (the same array every call: cost.ts memoises on it). */
      readonly fragments: readonly FragmentDefinitionNode[];
    };

/** Distinct query texts kept (Default: 500), least recently used dropped first. */
export const PREPARED_CACHE_SIZE = 500;

const caches = new WeakMap<GraphQLSchema, Map<string, PreparedDocument>>();

export function prepareDocument(schema: GraphQLSchema, text: string): PreparedDocument {
  let cache = caches.get(schema);
  if (!cache) {
    cache = new Map();
    caches.set(schema, cache);
  }
  const hit = cache.get(text);
  if (hit) {
    // Map keeps insertion order: re-inserting makes this the most recently used entry.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const prepared = prepare(schema, text);
  cache.set(text, prepared);
  if (cache.size > PREPARED_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return prepared;
}

function prepare(schema: GraphQLSchema, text: string): PreparedDocument {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    if (error instanceof GraphQLError) return { kind: 'parse-error', error: shopifyParseError(error) };
    throw error;
  }
  const errors = validateOperation(schema, document);
  if (errors.length > 0) return { kind: 'invalid', errors };
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  return { kind: 'valid', document, fragments };
}
