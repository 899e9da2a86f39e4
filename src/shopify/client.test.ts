import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../test/support/shared-paths.ts';
import { createShopifyClient, type ClientDependencies } from './client.ts';
import { ThrottleGovernor } from './throttle.ts';
import { ShopifyAuthError, ShopifyQueryError, ShopifyUnavailableError } from './errors.ts';

const connection = {
  shopDomain: 'demo.myshopify.com',
  apiVersion: '2025-01',
  accessToken: 'shpat_test',
  endpoint: 'http://127.0.0.1:4010',
};
const shopData = {
  shop: {
    name: 'Demo',
    myshopifyDomain: 'demo.myshopify.com',
    currencyCode: 'USD',
    ianaTimezone: 'UTC',
  },
};
const cost = (available: number, requested = 2) => ({
  cost: {
    requestedQueryCost: requested,
    actualQueryCost: requested,
    throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 },
  },
});

type Reply = { status?: number; headers?: Record<string, string>; body?: unknown } | Error;

/** A fake Shopify that answers from a script and records what it was sent. */
function scriptedShopify(replies: Reply[]) {
  const calls: { url: string; headers: Headers; body: { query: string } }[] = [];
  const sleeps: number[] = [];
  const clock = { now: 0 };
  const fetchApi: typeof fetch = async (input, init) => {
    calls.push({
      url: String(input),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    const reply = replies.shift();
    if (!reply) throw new Error('no scripted reply left');
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply.body ?? {}), {
      status: reply.status ?? 200,
      headers: reply.headers ?? {},
    });
  };
  const deps: ClientDependencies = {
    fetch: fetchApi,
    // the clock moves only while the client sleeps
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    random: () => 0.5,
    nowMs: () => clock.now,
  };
  return { calls, sleeps, deps };
}

describe('Shopify GraphQL client', () => {
  it('sends the operation file to the shop endpoint with the access token', async () => {
    const shopify = scriptedShopify([{ body: { data: shopData, extensions: cost(1998) } }]);
    const result = await createShopifyClient(connection, shopify.deps).request('ShopInfo');
    expect(result.data).toEqual(shopData);
    expect(result.attempts).toBe(1);
    expect(shopify.calls[0]?.url).toBe('http://127.0.0.1:4010/admin/api/2025-01/graphql.json');
    expect(shopify.calls[0]?.headers.get('x-shopify-access-token')).toBe('shpat_test');
    expect(shopify.calls[0]?.body.query).toContain('query ShopInfo');
  });

  it('waits out THROTTLED for the missing points and tries again', async () => {
    const throttled = readSharedJson<{ body: unknown }>('fixtures/graphql-error-shapes/throttled.json').body;
    const shopify = scriptedShopify([
      { body: throttled },
      { body: { data: shopData, extensions: cost(3000) } },
    ]);
    const result = await createShopifyClient(connection, shopify.deps).request('ShopInfo');
    expect(result.attempts).toBe(2);
    expect(shopify.sleeps).toContain(1450);
  });

  it('paces the next request when the bucket is low, so Shopify need not throttle', async () => {
    const shopify = scriptedShopify([
      { body: { data: shopData, extensions: cost(0, 300) } },
      { body: { data: shopData, extensions: cost(0, 300) } },
    ]);
    const client = createShopifyClient(connection, shopify.deps);
    await client.request('ShopInfo');
    await client.request('ShopInfo');
    // 300 points at 100 points/s, looked at again every 250 ms
    expect(shopify.sleeps.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(Math.max(...shopify.sleeps)).toBe(250);
  });

  it('a waiting request goes as soon as a response shows the points given back', async () => {
    // Shopify holds the requested cost while a query runs and returns the unused part, so a
    // response to another request in flight can show a fuller bucket than the client estimated.
    const shopify = scriptedShopify([
      { body: { data: shopData, extensions: cost(0, 300) } },
      { body: { data: shopData, extensions: cost(0, 300) } },
    ]);
    const budget = new ThrottleGovernor(shopify.deps.nowMs);
    const client = createShopifyClient(connection, {
      ...shopify.deps,
      budget,
      sleep: async (ms) => {
        await shopify.deps.sleep!(ms);
        budget.observe({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
      },
    });
    await client.request('ShopInfo');
    await client.request('ShopInfo');
    expect(shopify.sleeps).toEqual([250]);
  });

  it('honours Retry-After on 429 and retries 5xx and network failures with backoff', async () => {
    const shopify = scriptedShopify([
      { status: 429, headers: { 'retry-after': '4.0' } },
      { status: 503 },
      new TypeError('fetch failed'),
      { body: { data: shopData } },
    ]);
    const result = await createShopifyClient(connection, shopify.deps).request('ShopInfo');
    expect(result.attempts).toBe(4);
    expect(shopify.sleeps.filter((ms) => ms > 0)).toEqual([4000, 750, 1500]);
  });

  it('gives up after the last attempt with a retryable error the job queue can schedule', async () => {
    const shopify = scriptedShopify(Array.from({ length: 5 }, () => ({ status: 502 })));
    await expect(createShopifyClient(connection, shopify.deps).request('ShopInfo')).rejects.toMatchObject({
      constructor: ShopifyUnavailableError,
      retryable: true,
      status: 502,
    });
    expect(shopify.calls).toHaveLength(5);
  });

  it('does not retry a refused token or an invalid query', async () => {
    const refused = scriptedShopify([
      { status: 401, body: { errors: '[API] Invalid API key or access token' } },
    ]);
    await expect(createShopifyClient(connection, refused.deps).request('ShopInfo')).rejects.toBeInstanceOf(
      ShopifyAuthError,
    );
    expect(refused.calls).toHaveLength(1);

    const invalid = scriptedShopify([
      { body: { errors: [{ message: "Field 'x' doesn't exist on type 'Shop'" }] } },
    ]);
    await expect(createShopifyClient(connection, invalid.deps).request('ShopInfo')).rejects.toBeInstanceOf(
      ShopifyQueryError,
    );
    expect(invalid.calls).toHaveLength(1);
  });
});
