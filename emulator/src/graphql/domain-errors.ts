import { GraphQLError } from 'graphql';
import { NotFound, UserErrors, type UserError } from '../domain/index.ts';

/** A mutation payload's userErrors entry, in Shopify's shape (`code` only where the type has one). */
export interface GqlUserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

/**
 * Runs a domain command for a mutation: invalid input and unknown ids come back as userErrors
 * (Shopify's mutations never fail the request for business reasons), anything else is a bug.
 */
export interface AttemptOptions {
  /** The payload's error-code enum values, when its userErrors type has a `code`. */
  codes?: readonly string[];
  /** Input path named when an id does not resolve (Default: ["id"]). */
  notFoundField?: string[];
}

export function attempt<T>(
  run: () => T,
  options: AttemptOptions = {},
): { ok: true; value: T } | { ok: false; userErrors: GqlUserError[] } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof UserErrors) {
      return { ok: false, userErrors: error.errors.map((e) => toGql(e, options.codes)) };
    }
    if (error instanceof NotFound) {
      const notFound: UserError = {
        field: options.notFoundField ?? ['id'],
        message: `${error.resource} does not exist`,
        code: 'NOT_FOUND',
      };
      return { ok: false, userErrors: [toGql(notFound, options.codes)] };
    }
    throw error;
  }
}

/**
 * The domain names fields as REST does (`refund_line_items`); GraphQL input paths are camelCase.
 * A domain code the payload's enum lacks falls back to INVALID (every such enum has it) or null.
 */
function toGql(error: UserError, codes: readonly string[] | undefined): GqlUserError {
  const field =
    error.field?.map((part) => part.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase())) ??
    null;
  const base = { field, message: error.message };
  if (!codes) return base;
  const code = error.code?.toUpperCase();
  return {
    ...base,
    code: code && codes.includes(code) ? code : codes.includes('INVALID') ? 'INVALID' : null,
  };
}

/** In a query, a domain refusal is a top-level error on that field (data stays for the rest). */
export function orThrow<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UserErrors)
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_REQUEST' } });
    if (error instanceof NotFound) return null as T;
    throw error;
  }
}
