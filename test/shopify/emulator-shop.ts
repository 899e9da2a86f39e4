import { startEmulator, type RunningEmulator } from '../../emulator/src/index.ts';
import { createShopifyClient, type ShopifyClient } from '../../src/shopify/index.ts';

/** An emulated shop and our client for it; throttling off so tests do not wait out the bucket. */
export async function emulatedShop(
  orders: number,
): Promise<{ emulator: RunningEmulator; client: ShopifyClient }> {
  const emulator = await startEmulator({
    port: 0,
    throttle: 'off',
    ...(orders > 0 ? { seed: { kind: 'demo' as const, orders } } : {}),
  });
  const client = createShopifyClient({
    shopDomain: 'demo.myshopify.com',
    apiVersion: '2025-01',
    accessToken: emulator.token,
    endpoint: emulator.url,
  });
  return { emulator, client };
}

/** A merchant or another app calling the Admin API directly (not through our operations). */
export async function asMerchant<T>(
  emulator: RunningEmulator,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${emulator.url}/admin/api/2025-01/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': emulator.token },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(`merchant call failed: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

export interface CallCost {
  operation: string;
  requestedCost: number | null;
  actualCost: number | null;
}

/** What our client sent, as the emulator recorded it (GET /__emulator/log). */
export async function recordedCalls(emulator: RunningEmulator): Promise<CallCost[]> {
  const response = await fetch(`${emulator.url}/__emulator/log`);
  return ((await response.json()) as CallCost[]).filter((call) => call.operation !== 'invalid');
}

export async function resetLog(emulator: RunningEmulator): Promise<void> {
  await fetch(`${emulator.url}/__emulator/log/reset`, { method: 'POST' });
}
