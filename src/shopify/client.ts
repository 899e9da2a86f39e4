import { createAdminApiClient } from '@shopify/admin-api-client';
import type { Logger } from '../shared/logger.ts';
import { ShopifyAuthError, ShopifyUnavailableError } from './errors.ts';
import { operationText, type OperationName } from './operations.ts';
import { readGraphqlBody, type QueryCost } from './read-response.ts';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retry.ts';
import { ThrottleGovernor, type CostBudget } from './throttle.ts';

export interface ShopifyConnection {
  /** `example.myshopify.com`. */
  shopDomain: string;
  /** `YYYY-MM`, a shop setting. */
  apiVersion: string;
  accessToken: string;
  /** Base URL that replaces `https://<shopDomain>`, e.g. the local emulator `http://127.0.0.1:4010`. */
  endpoint?: string | undefined;
}

export interface ClientDependencies {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  nowMs?: () => number;
  random?: () => number;
  /** Pacing; one per shop (a shared one across workers comes with the runtime). */
  budget?: CostBudget;
  retry?: RetryPolicy;
  logger?: Logger;
}

export interface ShopifyResult<T> {
  data: T;
  cost: QueryCost | null;
  attempts: number;
}

export interface ShopifyClient {
  request<T>(operation: OperationName, variables?: Record<string, unknown>): Promise<ShopifyResult<T>>;
}

/** Before Shopify has told us an operation's cost, assume a mid-sized query. */
const unknownCostEstimate = 50;
/** How often a request waiting for points looks at the bucket again. */
const recheckMs = 250;

/**
 * The GraphQL Admin API through Shopify's own `@shopify/admin-api-client` (URL, headers,
 * version checks), rerouted at the fetch layer when the shop has an `endpoint` (the emulator).
 * It paces by cost, and retries THROTTLED (which Shopify sends as HTTP 200), 429, 5xx and
 * network failures; every other failure is permanent and thrown at once.
 */
export function createShopifyClient(
  connection: ShopifyConnection,
  deps: ClientDependencies = {},
): ShopifyClient {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const budget = deps.budget ?? new ThrottleGovernor(deps.nowMs);
  const policy = deps.retry ?? defaultRetryPolicy;
  const knownCosts = new Map<OperationName, number>();
  const api = createAdminApiClient({
    storeDomain: connection.shopDomain,
    apiVersion: connection.apiVersion,
    accessToken: connection.accessToken,
    customFetchApi: reroute(connection.endpoint, deps.fetch ?? fetch),
    logger: (entry) => deps.logger?.debug({ shopifyClient: entry.type }, 'shopify client notice'),
  });

  /**
   * Shopify holds a request's requested cost while it runs and gives back what it did not use
   * (actual < requested), so a response can show a fuller bucket than our estimate: a waiting
   * request looks again at least every `recheckMs` instead of sleeping its whole first estimate.
   */
  async function waitForPoints(cost: number): Promise<void> {
    for (let wait = budget.delayBefore(cost); wait > 0; wait = budget.delayBefore(cost)) {
      await sleep(Math.min(wait, recheckMs));
    }
  }

  async function attempt<T>(operation: OperationName, variables: Record<string, unknown> | undefined) {
    const cost = knownCosts.get(operation) ?? unknownCostEstimate;
    await waitForPoints(cost);
    budget.spend?.(cost); // taken as it goes: requests in flight together share the bucket
    const response = await send(() => api.fetch(operationText(operation), variables ? { variables } : {}));
    failOnHttpStatus(response);
    const result = readGraphqlBody<T>(await response.json());
    if (result.cost) {
      budget.observe(result.cost.throttleStatus);
      knownCosts.set(operation, result.cost.requestedQueryCost);
    }
    return result;
  }

  return {
    async request<T>(operation: OperationName, variables?: Record<string, unknown>) {
      for (let attempts = 1; ; attempts++) {
        try {
          const { data, cost } = await attempt<T>(operation, variables);
          return { data, cost, attempts };
        } catch (error) {
          if (!isRetryable(error) || attempts >= policy.maxAttempts) throw error;
          const delay = retryDelay(error) ?? backoffDelay(policy, attempts, deps.random);
          deps.logger?.warn(
            { operation, attempts, delayMs: delay, code: error.code },
            'shopify request retried',
          );
          await sleep(delay);
        }
      }
    },
  };
}

function reroute(endpoint: string | undefined, fetchApi: typeof fetch): typeof fetch {
  if (!endpoint) return fetchApi;
  const base = endpoint.replace(/\/+$/, '');
  return (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    return fetchApi(`${base}${url.pathname}${url.search}`, init);
  };
}

async function send(call: () => Promise<Response>): Promise<Response> {
  try {
    return await call();
  } catch (error) {
    throw new ShopifyUnavailableError(
      `Shopify could not be reached: ${(error as Error).message}`,
      null,
      null,
      { cause: error },
    );
  }
}

function failOnHttpStatus(response: Response): void {
  if (response.ok) return;
  if (response.status === 401 || response.status === 403) {
    throw new ShopifyAuthError(`Shopify refused the access token (HTTP ${response.status})`);
  }
  if (response.status === 429 || response.status >= 500) {
    // REST-style 429 carries Retry-After as a decimal number of seconds ("4.0").
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter * 1000) : null;
    throw new ShopifyUnavailableError(
      `Shopify answered HTTP ${response.status}`,
      response.status,
      retryAfterMs,
    );
  }
  throw new ShopifyUnavailableError(`Shopify answered HTTP ${response.status}`, response.status);
}

function isRetryable(
  error: unknown,
): error is { code: string; retryable: true; retryAfterMs?: number | null } {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}

function retryDelay(error: { retryAfterMs?: number | null }): number | null {
  return error.retryAfterMs ?? null;
}
