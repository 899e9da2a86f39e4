import { GraphQLError } from 'graphql';

/** Shopify's global ids: `gid://shopify/Order/450789469` (Job ids are opaque strings). */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  readonly type: string;
  readonly id: string;
}

const pattern = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?]+)(?:\?.*)?$/;

export function parseGid(value: string): ParsedGid | undefined {
  const match = pattern.exec(value);
  return match?.[1] && match[2] ? { type: match[1], id: match[2] } : undefined;
}

/** Numeric id of a gid of the expected type, or undefined when it names something else. */
export function numericId(value: string, type: string): number | undefined {
  const parsed = parseGid(value);
  if (!parsed || parsed.type !== type || !/^\d+$/.test(parsed.id)) return undefined;
  return Number(parsed.id);
}

/**
 * Shopify answers a malformed id argument with a top-level error naming the value
 * ("Invalid global id '…'", extensions.code argumentLiteralsIncompatible) rather than null.
 */
export function requireGid(value: string): ParsedGid {
  const parsed = parseGid(value);
  if (!parsed) {
    throw new GraphQLError(`Invalid global id '${value}'`, {
      extensions: { code: 'argumentLiteralsIncompatible' },
    });
  }
  return parsed;
}
