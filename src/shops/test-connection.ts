import { AppError, ConfigurationError } from '../shared/errors.ts';
import { ShopifyQueryError, type ShopifyClient } from '../shopify/index.ts';
import { getShopConnection, type ShopConnection } from './get-shop-connection.ts';
import { missingScopes, requiredScopes } from './required-scopes.ts';
import type { ShopDeps } from './shop-codec.ts';
import { shopifyClientFor } from './shopify-client-for.ts';

export interface ConnectionTestResult {
  ok: boolean;
  /** What Shopify says the shop is; plan null when the server does not tell (the emulator). */
  shop?: { name: string; plan: string | null; currency: string };
  apiVersion: string;
  /** Required scopes the app was not granted (required-scopes.ts); empty when not told. */
  missingScopes: string[];
  /** False when the server would not list the granted scopes, so missingScopes proves nothing. */
  scopesChecked: boolean;
  latencyMs: number;
  /** Why the shop could not be reached: `shopify_unauthorized`, `shopify_unavailable`, ... */
  error?: { code: string; message: string };
}

export interface ConnectionTestDeps extends ShopDeps {
  /** Default: a client from the shop's connection that tries once and gives up after 10 s. */
  readonly clientFor?: (connection: ShopConnection) => ShopifyClient;
  readonly nowMs?: () => number;
}

type ShopInfo = { shop: { name: string; currencyCode: string } };
type AppAccess = {
  shop: { plan: { displayName: string } | null };
  currentAppInstallation: { accessScopes: { handle: string }[] };
};

/**
 * Asks Shopify who the shop is (ShopInfo, timed) and what the app may do there (AppAccess). Not
 * reaching the shop is a result (ok false, the error's code and message), not a failure: the web
 * UI shows it beside the settings to fix. An unknown shop is a NotFoundError.
 */
export async function testShopConnection(
  deps: ConnectionTestDeps,
  code: string,
): Promise<ConnectionTestResult> {
  const connection = await getShopConnection(deps, code);
  const nowMs = deps.nowMs ?? Date.now;
  const base = { apiVersion: connection.settings.apiVersion, missingScopes: [], scopesChecked: false };
  const started = nowMs();
  try {
    const client = (deps.clientFor ?? quickClient)(connection);
    const { data } = await client.request<ShopInfo>('ShopInfo');
    const latencyMs = nowMs() - started;
    const access = await appAccess(client);
    const required = requiredScopes(connection.settings);
    return {
      ...base,
      ok: true,
      shop: { name: data.shop.name, plan: access?.plan ?? null, currency: data.shop.currencyCode },
      latencyMs,
      ...(access && { missingScopes: missingScopes(required, access.scopes), scopesChecked: true }),
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ...base,
      ok: false,
      latencyMs: nowMs() - started,
      error: { code: error.code, message: error.message },
    };
  }
}

/** Plan and granted scopes, or undefined when the server does not serve these fields. */
async function appAccess(client: ShopifyClient) {
  try {
    const { data } = await client.request<AppAccess>('AppAccess');
    return {
      plan: data.shop.plan?.displayName ?? null,
      scopes: data.currentAppInstallation.accessScopes.map((scope) => scope.handle),
    };
  } catch (error) {
    if (error instanceof ShopifyQueryError) return undefined;
    throw error;
  }
}

/** A person is waiting: one attempt, no backoff, at most 10 s. */
function quickClient(connection: ShopConnection): ShopifyClient {
  if (!connection.secrets.accessToken)
    throw new ConfigurationError(
      `credentials.accessToken: shop "${connection.settings.code}" has no Admin API access token to test with`,
    );
  return shopifyClientFor(connection, {
    retry: { maxAttempts: 1, baseMs: 0, capMs: 0 },
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(10_000) }),
  });
}
