import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../test/support/shared-paths.ts';
import { createShopifyClient } from './client.ts';
import { ShopifyBudgetUnavailableError } from './errors.ts';
import { waitMs } from './shared-budget.ts';
import type { QueryCost, SharedCostBudget } from './throttle.ts';

const connection = {
  shopDomain: 'demo.myshopify.com',
  apiVersion: '2025-01',
  accessToken: 't',
  endpoint: 'http://x',
};
const shopData = { shop: { name: 'Demo' } };
const answered = (requested: number, actual: number) => ({
  data: shopData,
  extensions: {
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1500, restoreRate: 100 },
    },
  },
});

/** A shared budget that answers reservations from a script of waits and records every call. */
function scriptedBudget(waits: number[], settleFails = false) {
  const calls: (['reserve', number] | ['settle', number, QueryCost | null] | ['release', number])[] = [];
  const budget: SharedCostBudget = {
    async reserve(cost) {
      calls.push(['reserve', cost]);
      return waits.shift() ?? 0;
    },
    async settle(reserved, reported) {
      calls.push(['settle', reserved, reported]);
      if (settleFails) throw new ShopifyBudgetUnavailableError('database down');
    },
    async release(reserved) {
      calls.push(['release', reserved]);
    },
  };
  return { budget, calls };
}

function clientWith(budget: SharedCostBudget, replies: (object | Error)[]) {
  const sleeps: number[] = [];
  const client = createShopifyClient(connection, {
    budget,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    fetch: async () => {
      const reply = replies.shift();
      if (!reply || reply instanceof Error) throw reply ?? new Error('no reply left');
      return new Response(JSON.stringify(reply), { status: 200 });
    },
  });
  return { client, sleeps };
}

describe('the client on a shared budget (many workers, one bucket)', () => {
  it('reserves before the request, waits in short slices, and settles with what Shopify charged', async () => {
    const { budget, calls } = scriptedBudget([1200, 700, 0]);
    const { client, sleeps } = clientWith(budget, [answered(300, 120), answered(300, 120)]);
    await client.request('ShopInfo');
    await client.request('ShopInfo');
    // An operation whose cost is not known yet holds one query's maximum, then its own cost.
    expect(calls).toEqual([
      ['reserve', 1000],
      ['reserve', 1000],
      ['reserve', 1000],
      ['settle', 1000, answered(300, 120).extensions.cost],
      ['reserve', 300],
      ['settle', 300, answered(300, 120).extensions.cost],
    ]);
    // Another worker's answer may give points back sooner than the first estimate.
    expect(sleeps).toEqual([250, 250]);
  });

  it('an answer without cost (an endpoint that does not rate-limit) gives the reservation back', async () => {
    const { budget, calls } = scriptedBudget([]);
    const { client } = clientWith(budget, [{ data: shopData }]);
    await client.request('ShopInfo');
    expect(calls).toEqual([
      ['reserve', 1000],
      ['release', 1000],
    ]);
  });

  it('THROTTLED gives the whole reservation back and the retry holds the real cost', async () => {
    const throttled = readSharedJson<{ body: { extensions: { cost: QueryCost } } }>(
      'fixtures/graphql-error-shapes/throttled.json',
    ).body;
    const { budget, calls } = scriptedBudget([]);
    const { client } = clientWith(budget, [throttled, answered(862, 400)]);
    expect((await client.request('ShopInfo')).attempts).toBe(2);
    expect(calls.slice(0, 3)).toEqual([
      ['reserve', 1000],
      ['settle', 1000, throttled.extensions.cost],
      ['reserve', 862],
    ]);
  });

  it('a request that got no answer keeps its reservation spent', async () => {
    const { budget, calls } = scriptedBudget([]);
    const { client } = clientWith(budget, [new TypeError('fetch failed'), answered(10, 10)]);
    await client.request('ShopInfo');
    expect(calls[1]).toEqual(['settle', 1000, null]);
  });

  it('a settlement the database refuses does not fail an answered request', async () => {
    const { budget } = scriptedBudget([], true);
    const { client } = clientWith(budget, [answered(10, 10)]);
    expect((await client.request('ShopInfo')).data).toEqual(shopData);
  });

  it('a reservation the database refuses fails the attempt with a retryable error', async () => {
    const budget: SharedCostBudget = {
      reserve: async () => {
        throw new ShopifyBudgetUnavailableError('database down');
      },
      settle: async () => undefined,
    };
    const { client } = clientWith(budget, [answered(10, 10)]);
    await expect(client.request('ShopInfo')).rejects.toMatchObject({
      code: 'shopify_budget_unavailable',
      retryable: true,
    });
  });
});

describe('how long a reservation waits', () => {
  it.each([
    {
      name: 'short by 300 points at 100/s',
      bucket: { maximumAvailable: 2000, available: 200 },
      cost: 500,
      ms: 3000,
    },
    {
      name: 'a cost above the bucket waits for a full one',
      bucket: { maximumAvailable: 2000, available: 0 },
      cost: 5000,
      ms: 20_000,
    },
    {
      name: 'refilled just now: ask again at once',
      bucket: { maximumAvailable: 2000, available: 600 },
      cost: 500,
      ms: 1,
    },
    {
      name: 'bucket unknown, 900 reserved: 400 more after 300 have come back',
      bucket: { maximumAvailable: null, available: -900 },
      cost: 400,
      ms: 3000,
    },
  ])('$name', ({ bucket, cost, ms }) => {
    expect(waitMs({ ...bucket, restoreRate: 100 }, cost)).toBe(ms);
  });
});
