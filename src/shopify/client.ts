import { createAdminApiClient } from '@shopify/admin-api-client';
import type { Logger } from '../shared/logger.ts';
import { ShopifyAuthError, ShopifyUnavailableError } from './errors.ts';
import { withIdempotentDirective } from './idempotent-directive.ts';
import { operationText, type OperationName } from './operations.ts';
import { readGraphqlBody, type QueryCost } from './read-response.ts';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retry.ts';
import { createPacer, reportedCost, type AnyCostBudget } from './pacing.ts';
import { ThrottleGovernor, type ThrottleStatus } from './throttle.ts';

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
  /**
   * Pacing, one per shop: this process's `ThrottleGovernor` (Default), or `createSharedBudget`
   * so that every worker of the shop draws on one bucket kept in the database.
   */
  budget?: AnyCostBudget;
  retry?: RetryPolicy;
  logger?: Logger;
  /** Told of every attempt and bucket wait (the runtime's metrics); Default: none. */
  observer?: ClientObserver;
}

/** Each attempt's outcome with the cost points Shopify charged, and the time spent waiting for points. */
export interface ClientObserver {
  request(outcome: 'ok' | 'throttled' | 'retried' | 'failed', costPoints: number): void;
  waited(ms: number): void;
  /** Shopify's bucket as an answer reported it (Default: not told). */
  bucket?(status: ThrottleStatus): void;
}

export interface ShopifyResult<T> {
  data: T;
  cost: QueryCost | null;
  attempts: number;
}

/** How one request is sent (Default: as the operation's file says, retried on any transient failure). */
export interface RequestOptions {
  /**
   * A write that Shopify may have run when the answer is lost (5xx, network): retried only when
   * Shopify surely did not run it (THROTTLED, HTTP 429), so a lost answer is never sent twice.
   */
  write?: boolean;
  /** Sent as `@idempotent(key:)` on the mutation (Shopify API 2026-01 and later only). */
  idempotencyKey?: string;
}

export interface ShopifyClient {
  request<T>(
    operation: OperationName,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<ShopifyResult<T>>;
}

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
  const pacer = createPacer(deps.budget ?? new ThrottleGovernor(deps.nowMs), sleep, deps.logger);
  const policy = deps.retry ?? defaultRetryPolicy;
  const nowMs = deps.nowMs ?? Date.now;
  const knownCosts = new Map<OperationName, number>();
  const api = createAdminApiClient({
    storeDomain: connection.shopDomain,
    apiVersion: connection.apiVersion,
    accessToken: connection.accessToken,
    customFetchApi: reroute(connection.endpoint, deps.fetch ?? fetch),
    logger: (entry) => deps.logger?.debug({ shopifyClient: entry.type }, 'shopify client notice'),
  });

  async function attempt<T>(
    operation: OperationName,
    variables: Record<string, unknown> | undefined,
    options: RequestOptions,
  ) {
    const cost = knownCosts.get(operation) ?? pacer.unknownCost;
    const waitStart = nowMs();
    await pacer.take(cost);
    deps.observer?.waited(nowMs() - waitStart);
    let reported: QueryCost | null = null;
    let answered = false;
    try {
      const text =
        options.idempotencyKey === undefined
          ? operationText(operation)
          : withIdempotentDirective(operationText(operation));
      const sent =
        options.idempotencyKey === undefined
          ? variables
          : { ...variables, idempotencyKey: options.idempotencyKey };
      const response = await send(() => api.fetch(text, sent ? { variables: sent } : {}));
      failOnHttpStatus(response);
      const result = readGraphqlBody<T>(await response.json());
      reported = result.cost;
      answered = true;
      return result;
    } catch (error) {
      reported = reportedCost(error); // THROTTLED tells the real requested cost too
      throw error;
    } finally {
      if (reported) knownCosts.set(operation, reported.requestedQueryCost);
      await pacer.settle(cost, reported, answered);
    }
  }

  return {
    async request<T>(
      operation: OperationName,
      variables?: Record<string, unknown>,
      options: RequestOptions = {},
    ) {
      for (let attempts = 1; ; attempts++) {
        try {
          const { data, cost } = await attempt<T>(operation, variables, options);
          // actualQueryCost is absent on some responses; the requested cost is what the bucket held then.
          deps.observer?.request('ok', cost?.actualQueryCost ?? cost?.requestedQueryCost ?? 0);
          if (cost) deps.observer?.bucket?.(cost.throttleStatus);
          return { data, cost, attempts };
        } catch (error) {
          deps.observer?.request(attemptOutcome(error, attempts < policy.maxAttempts), 0);
          if (!isRetryable(error) || attempts >= policy.maxAttempts) throw error;
          if (options.write && !surelyNotRun(error)) throw error;
          const delay = retryDelay(error) ?? backoffDelay(policy, attempts, deps.random);
          if (error.code === 'shopify_throttled') deps.observer?.waited(delay); // the bucket refilling, too
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

/** THROTTLED and HTTP 429 are refused before the operation runs; anything else may have run. */
function surelyNotRun(error: { code: string }): boolean {
  return (
    error.code === 'shopify_throttled' ||
    error.code === 'shopify_budget_unavailable' ||
    (error instanceof ShopifyUnavailableError && error.status === 429)
  );
}

function attemptOutcome(error: unknown, attemptsLeft: boolean): 'throttled' | 'retried' | 'failed' {
  if (!isRetryable(error) || !attemptsLeft) return 'failed';
  return error.code === 'shopify_throttled' ? 'throttled' : 'retried';
}

function retryDelay(error: { retryAfterMs?: number | null }): number | null {
  return error.retryAfterMs ?? null;
}
