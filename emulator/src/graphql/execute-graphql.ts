import { execute, getOperationAST, type GraphQLSchema } from 'graphql';
import type { CostGate, ThrottleStatus } from '../throttle/throttle.ts';
import { throttledGraphqlBody } from '../throttle/throttled-replies.ts';
import { calculateQueryCost } from './cost.ts';
import { executeFast } from './fast-execute.ts';
import { prepareDocument } from './prepared-document.ts';

/** The JSON body of `POST /admin/api/{version}/graphql.json`. */
export interface GraphqlCall {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

export interface GraphqlOutcome {
  readonly status: number;
  readonly body: unknown;
  /** "query", "mutation" or "invalid"; with the operation name when it has one (request log). */
  readonly operationType: string;
  readonly operationName: string | null;
  /** Null for calls refused before costing; `actual` null when THROTTLED (nothing ran). */
  readonly cost: { readonly requested: number; readonly actual: number | null } | null;
  /** A mutation ran: the state may have changed and must be saved. */
  readonly mutated: boolean;
}

export interface GraphqlRoots {
  readonly query: () => unknown;
  readonly mutation: () => unknown;
}

/** A bucket that never drains (Standard numbers), for callers without a throttle. */
const unlimited: CostGate = {
  admit: () => true,
  settle: () => undefined,
  status: (): ThrottleStatus => ({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 }),
};

/**
 * Parses and validates (once per query text: prepared-document.ts), prices and runs one call;
 * queries on fast-execute.ts when it can answer them, else (and mutations) on graphql-js. `gate`
 * (Default: never throttles) admits the call on its requested cost and is then charged the actual
 * cost (shopify.dev "GraphQL Admin API rate limits": the difference is refunded).
 */
export async function executeGraphql(
  schema: GraphQLSchema,
  call: GraphqlCall,
  roots: GraphqlRoots,
  gate: CostGate = unlimited,
): Promise<GraphqlOutcome> {
  if (typeof call.query !== 'string' || call.query.trim() === '') {
    // Shopify's answer to a body without a query string.
    return invalid(400, { errors: { query: 'Required parameter missing or invalid' } });
  }
  const prepared = prepareDocument(schema, call.query);
  if (prepared.kind === 'parse-error') return invalid(200, { errors: [prepared.error.toJSON()] });
  if (prepared.kind === 'invalid') return invalid(200, { errors: prepared.errors.map((e) => e.toJSON()) });
  const { document, fragments } = prepared;
  const operationName = typeof call.operationName === 'string' ? call.operationName : null;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message = operationName
      ? `No operation named "${operationName}"`
      : 'An operation name is required when sending multiple operations.';
    return invalid(200, { errors: [{ message }] });
  }
  const variables = isRecord(call.variables) ? call.variables : {};
  const requested = calculateQueryCost(schema, operation, fragments, variables, undefined).requested;
  if (requested > MAX_QUERY_COST) return invalid(200, maxCostExceeded(requested));
  const isMutation = operation.operation === 'mutation';
  const described = {
    operationType: operation.operation,
    operationName: operation.name?.value ?? null,
  };
  if (!gate.admit(requested)) {
    const body = throttledGraphqlBody(requested, gate.status());
    return { status: 200, body, ...described, cost: { requested, actual: null }, mutated: false };
  }
  const rootValue = isMutation ? roots.mutation() : roots.query();
  const result =
    (isMutation ? undefined : executeFast(schema, document, operation, rootValue, variables)) ??
    (await execute({ schema, document, operationName, variableValues: variables, rootValue }));
  const cost = calculateQueryCost(schema, operation, fragments, variables, result.data);
  gate.settle(requested, cost.actual);
  const throttleStatus = gate.status();
  const body = {
    ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
    data: result.data ?? null,
    extensions: {
      cost: { requestedQueryCost: cost.requested, actualQueryCost: cost.actual, throttleStatus },
    },
  };
  return {
    status: 200,
    body,
    ...described,
    cost,
    mutated: isMutation,
  };
}

/** Shopify's single query limit, enforced on the requested cost before anything runs. */
export const MAX_QUERY_COST = 1000;

/** The recorded MAX_COST_EXCEEDED answer (fixtures/graphql-error-shapes): HTTP 200, no top-level extensions. */
function maxCostExceeded(cost: number) {
  const message =
    `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
    'See https://shopify.dev/docs/api/usage/rate-limits for more information on how the\n' +
    'cost of a query is calculated.\n\n' +
    'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
    'See https://shopify.dev/docs/api/usage/bulk-operations/queries for usage details.\n';
  return {
    errors: [
      {
        message,
        extensions: {
          code: 'MAX_COST_EXCEEDED',
          cost,
          maxCost: MAX_QUERY_COST,
          documentation: 'https://shopify.dev/api/usage/rate-limits',
        },
      },
    ],
  };
}

function invalid(status: number, body: unknown): GraphqlOutcome {
  return { status, body, operationType: 'invalid', operationName: null, cost: null, mutated: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
