import { afterEach, describe, expect, inject, it } from 'vitest';
import type { LogEntry, RunningEmulator } from '../../emulator/src/index.ts';
import { openStore, type Backend, type Store } from '../../src/db/index.ts';
import { createShopifyClient, createSharedBudget, type ShopifyClient } from '../../src/shopify/index.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';
import { describeOnEachBackend, openTestStore } from '../support/test-store.ts';

const shopDomain = 'demo.myshopify.com';
const workerCount = 3;
const requestsPerWorker = 5;
/**
 * A page of five whole orders requests 987 points (the cost rules count `first`), but the shop
 * holds one order, so Shopify charges ~100: 15 such requests at once ask for ~7 buckets, and
 * their charges drain the 2,000-point Standard bucket below one request's 987 after about ten.
 */
const page = { first: 5, after: null, query: '' };

let emulator: RunningEmulator | undefined;
const stores: Store[] = [];
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  for (const store of stores.splice(0)) await store.close();
});

function clientFor(target: RunningEmulator, deps: Parameters<typeof createShopifyClient>[1]): ShopifyClient {
  const connection = { shopDomain, apiVersion: '2025-01', accessToken: target.token, endpoint: target.url };
  return createShopifyClient(connection, deps);
}

/** Every worker fires its requests at once; all workers at the same time. */
function fireAll(clients: readonly ShopifyClient[]) {
  return Promise.allSettled(
    clients.flatMap((client) =>
      Array.from({ length: requestsPerWorker }, () => client.request('OrdersPage', page)),
    ),
  );
}

/** Shopify's THROTTLED answer: HTTP 200 with a requested cost and nothing charged. */
const throttled = (calls: readonly LogEntry[]) =>
  calls.filter((call) => call.api === 'graphql' && call.status === 200 && call.actualCost === null);

/** Each worker its own connection pool on the server, as separate machines would have. */
async function workerStores(backend: Backend): Promise<Store[]> {
  const first = await openTestStore(backend);
  stores.push(first);
  const url = inject('postgresUrl');
  if (backend !== 'postgres' || !url) return Array.from({ length: workerCount }, () => first);
  const others = await Promise.all(
    Array.from({ length: workerCount - 1 }, () =>
      openStore({ databaseUrl: url, schema: first.schema!, poolSize: 2 }),
    ),
  );
  stores.push(...others);
  return [first, ...others];
}

describeOnEachBackend('three workers share one Shopify bucket (issue 7 item 4)', (backend) => {
  it('under standard throttling, a burst of several buckets is paced and Shopify never answers THROTTLED', async () => {
    emulator = await startShopEmulator({ throttle: 'standard', corpus: { orders: 1 } });
    const clients = (await workerStores(backend)).map((store) =>
      clientFor(emulator!, { budget: createSharedBudget(store.db, shopDomain) }),
    );

    const results = await fireAll(clients);

    expect(results.map((result) => result.status)).toEqual(results.map(() => 'fulfilled'));
    const calls = emulator.log.list();
    expect(throttled(calls)).toEqual([]);
    expect(calls).toHaveLength(workerCount * requestsPerWorker); // no retries either
    const requested = calls.reduce((sum, call) => sum + (call.requestedCost ?? 0), 0);
    expect(requested).toBeGreaterThan(5 * 2000);
  }, 60_000);
});

describe('the same burst without a shared budget', () => {
  it('meets THROTTLED: each worker paces only by what it has seen itself', async () => {
    emulator = await startShopEmulator({ throttle: 'standard', corpus: { orders: 1 } });
    // One attempt each: the point is Shopify's answer, not the client's retries after it.
    const clients = Array.from({ length: workerCount }, () =>
      clientFor(emulator!, { retry: { maxAttempts: 1, baseMs: 0, capMs: 0 } }),
    );

    const results = await fireAll(clients);

    expect(throttled(emulator.log.list()).length).toBeGreaterThan(0);
    expect(results.some((result) => result.status === 'rejected')).toBe(true);
  });
});
