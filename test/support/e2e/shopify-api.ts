import type { RunningEmulator } from '../../../emulator/src/index.ts';

export const apiVersion = '2025-01';

/**
 * Shopify's Admin API as any app or merchant tool reaches it: HTTP with the access token, REST
 * under /admin/api/<version>/ and GraphQL. Scenarios change the shop only through this.
 */
export class ShopifyApi {
  constructor(private readonly emulator: RunningEmulator) {}

  async rest<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.emulator.url}/admin/api/${apiVersion}/${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': this.emulator.token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Shopify REST ${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  /** A GraphQL call; fails on `errors` and on a mutation's non-empty userErrors. */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.emulator.url}/admin/api/${apiVersion}/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': this.emulator.token },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (body.errors || !body.data) throw new Error(`Shopify GraphQL failed: ${JSON.stringify(body.errors)}`);
    const refused = Object.values(body.data as Record<string, unknown>).flatMap(userErrorsOf);
    if (refused.length > 0) throw new Error(`Shopify refused: ${JSON.stringify(refused)}`);
    return body.data;
  }
}

function userErrorsOf(payload: unknown): unknown[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const record = payload as Record<string, unknown>;
  const errors = record.userErrors ?? record.orderCancelUserErrors ?? [];
  return Array.isArray(errors) ? errors : [];
}
