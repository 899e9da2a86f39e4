import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../test/support/shared-paths.ts';
import { createShopifyClient, type ClientDependencies, type ClientObserver } from './client.ts';

const connection = {
  shopDomain: 'demo.myshopify.com',
  apiVersion: '2025-01',
  accessToken: 'shpat_test',
  endpoint: 'http://127.0.0.1:4010',
};
const data = { shop: { name: 'Demo' } };
const cost = (available: number, requested: number, actual: number | null) => ({
  cost: {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 },
  },
});

type Reply = { status?: number; body?: unknown };

/** A fake Shopify answering from a script, a clock that moves only while the client sleeps, and what the observer saw. */
function observedShopify(replies: Reply[]) {
  const seen = { requests: [] as [string, number][], waitedMs: 0, buckets: [] as unknown[] };
  const observer: ClientObserver = {
    request: (outcome, costPoints) => seen.requests.push([outcome, costPoints]),
    waited: (ms) => (seen.waitedMs += ms),
    bucket: (status) => seen.buckets.push(status),
  };
  const clock = { now: 0 };
  const deps: ClientDependencies = {
    fetch: async () => {
      const reply = replies.shift();
      if (!reply) throw new Error('no scripted reply left');
      return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status ?? 200 });
    },
    sleep: async (ms) => void (clock.now += ms),
    nowMs: () => clock.now,
    random: () => 0.5,
    observer,
  };
  return { seen, client: createShopifyClient(connection, deps) };
}

describe('Shopify client observer (the runtime metrics)', () => {
  it('sees a THROTTLED attempt, its wait, and the retry that succeeds with its actual cost', async () => {
    const throttled = readSharedJson<{ body: unknown }>('fixtures/graphql-error-shapes/throttled.json').body;
    const { seen, client } = observedShopify([
      { body: throttled },
      { body: { data, extensions: cost(1990, 10, 7) } },
    ]);
    await client.request('ShopInfo');
    expect(seen.requests).toEqual([
      ['throttled', 0],
      ['ok', 7],
    ]);
    // 862 requested, 572 available, 200 points/s: 1,450 ms for the bucket to refill
    expect(seen.waitedMs).toBe(1450);
    // The bucket the answer reported (the dashboard's API budget), not the THROTTLED one.
    expect(seen.buckets).toEqual([{ maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 }]);
  });

  it('counts the time a request waits for points before it is sent', async () => {
    const { seen, client } = observedShopify([
      { body: { data, extensions: cost(0, 300, 250) } },
      { body: { data, extensions: cost(0, 300, 250) } },
    ]);
    await client.request('ShopInfo');
    await client.request('ShopInfo');
    expect(seen.requests).toEqual([
      ['ok', 250],
      ['ok', 250],
    ]);
    expect(seen.waitedMs).toBe(3000); // 300 points at 100 points/s
  });

  it('reports retried attempts, then failed when it gives up or the failure is permanent', async () => {
    const { seen, client } = observedShopify([
      { status: 503 },
      { body: { data, extensions: cost(1990, 10, null) } },
      { status: 401 },
    ]);
    await client.request('ShopInfo');
    await expect(client.request('ShopInfo')).rejects.toThrow(/access token/);
    expect(seen.requests).toEqual([
      ['retried', 0],
      ['ok', 10], // no actualQueryCost: the requested cost is what the bucket held
      ['failed', 0],
    ]);
  });
});
