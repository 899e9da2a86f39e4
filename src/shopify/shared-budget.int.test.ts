import { afterEach, beforeEach, expect, inject, it } from 'vitest';
import { openStore, type Backend, type Store } from '../db/index.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { createSharedBudget, type SharedBudget } from './shared-budget.ts';
import type { QueryCost } from './throttle.ts';

const shop = 'budget-test.myshopify.com';
const standard = { maximumAvailable: 2000, restoreRate: 100 };

/** What Shopify reports with an answer (`actual` null: THROTTLED, nothing charged). */
function reported(requested: number, actual: number | null, currentlyAvailable: number): QueryCost {
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: { ...standard, currentlyAvailable },
  };
}

describeOnEachBackend('shared Shopify throttle budget', (backend: Backend) => {
  let store: TestStore;
  const workerStores: Store[] = [];
  let clock: Date;
  const now = () => clock;
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

  beforeEach(async () => {
    store = await openTestStore(backend);
    clock = new Date('2026-03-02T10:00:00Z');
  });
  afterEach(async () => {
    for (const worker of workerStores.splice(0)) await worker.close();
    await store.close();
  });

  /** One budget per worker; on the server each worker has its own connection pool. */
  async function workers(count: number): Promise<SharedBudget[]> {
    const budgets: SharedBudget[] = [];
    for (let index = 0; index < count; index++) {
      const url = inject('postgresUrl');
      const own =
        backend === 'postgres' && url
          ? await openStore({ databaseUrl: url, schema: store.schema!, poolSize: 4 })
          : store;
      if (own !== store) workerStores.push(own);
      budgets.push(createSharedBudget(own.db, shop, { now }));
    }
    return budgets;
  }

  /** Shopify has answered once and reported `available` points (nothing else in flight). */
  async function reportedBucket(budget: SharedBudget, available: number): Promise<void> {
    expect(await budget.reserve(1)).toBe(0);
    await budget.settle(1, reported(1, 1, available));
  }

  async function row() {
    return store.db
      .selectFrom('shopify_budgets')
      .selectAll()
      .where('shop_domain', '=', shop)
      .executeTakeFirstOrThrow();
  }

  it('before Shopify has reported the bucket, the first requests go and are recorded; the first report counts the others', async () => {
    const [budget] = await workers(1);
    expect(await budget!.reserve(600)).toBe(0);
    expect(await budget!.reserve(300)).toBe(0);
    // 1,100 points together would be more than one query's maximum: wait for the first answer.
    expect(await budget!.reserve(200)).toBeGreaterThan(0);
    await budget!.settle(600, reported(600, 600, 1400));
    // Shopify's 1,400 less the 300 still in flight.
    expect(await row()).toMatchObject({ maximum_available: 2000, restore_rate: 100, available: 1100 });
    expect(await budget!.reserve(1100)).toBe(0);
    expect(await budget!.reserve(1)).toBe(10);
  });

  it('an endpoint that reports no cost (no rate limit) gets every reservation back with its answer', async () => {
    const [budget] = await workers(1);
    expect(await budget!.reserve(1000)).toBe(0);
    expect(await budget!.reserve(500)).toBeGreaterThan(0);
    await budget!.release(1000);
    expect(await budget!.reserve(500)).toBe(0);
    await budget!.release(500);
    expect(await budget!.reserve(1000)).toBe(0);
  });

  it('several workers reserving at once never take more than the bucket holds', async () => {
    const budgets = await workers(3);
    await reportedBucket(budgets[0]!, 2000);
    const waits = await Promise.all(
      Array.from({ length: 60 }, (_, index) => budgets[index % 3]!.reserve(100)),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(20);
    expect((await row()).available).toBe(0);
  });

  it('the bucket refills at the restore rate', async () => {
    const [budget] = await workers(1);
    await reportedBucket(budget!, 2000);
    expect(await budget!.reserve(2000)).toBe(0);
    expect(await budget!.reserve(250)).toBe(2500);
    advance(1000);
    expect(await budget!.reserve(100)).toBe(0);
    expect(await budget!.reserve(100)).toBe(1000);
    advance(60_000);
    // Never over the top: a full bucket, not 6,000 points.
    expect(await budget!.reserve(2000)).toBe(0);
    expect(await budget!.reserve(1)).toBe(10);
  });

  it("a crashed worker's reservation is not given back but returns with the refill", async () => {
    const [crashed, alive] = await workers(2);
    await reportedBucket(alive!, 2000);
    expect(await crashed!.reserve(1500)).toBe(0); // and never settles
    expect(await alive!.reserve(1000)).toBe(5000);
    advance(5000);
    expect(await alive!.reserve(1000)).toBe(0);
    advance(20_000); // maximum / restore rate: every old reservation is back
    expect(await alive!.reserve(2000)).toBe(0);
  });

  it('an answer gives back what Shopify did not charge; a report can only lower the bucket', async () => {
    const [first, second] = await workers(2);
    await reportedBucket(first!, 2000);
    expect(await first!.reserve(987)).toBe(0);
    expect(await second!.reserve(987)).toBe(0);
    // Shopify charged 595 of each; the second answer arrives first with the later figure.
    await second!.settle(987, reported(987, 595, 810));
    expect((await row()).available).toBe(26 + 392);
    await first!.settle(987, reported(987, 595, 1405));
    expect((await row()).available).toBe(810);
    // THROTTLED charged nothing: the reservation comes back, down to what Shopify reported.
    expect(await first!.reserve(800)).toBe(0);
    await first!.settle(800, reported(800, null, 700));
    expect(await row()).toMatchObject({ available: 700, reported_available: 700 });
    // No answer at all: the reservation stays spent.
    expect(await first!.reserve(700)).toBe(0);
    await first!.settle(700, null);
    expect((await row()).available).toBe(0);
  });

  it("the answer to a request that had the bucket to itself is Shopify's whole figure, up too", async () => {
    const [budget] = await workers(1);
    await reportedBucket(budget!, 2000);
    expect(await budget!.reserve(900)).toBe(0);
    // Shopify charged 50 but says the bucket is full again: nothing else was in flight to confuse it.
    await budget!.settle(900, reported(900, 50, 2000));
    expect((await row()).available).toBe(2000);
    expect(await row()).toMatchObject({ in_flight: 0, overlapped: false });
  });

  it("uses the database's clock by default", async () => {
    const budget = createSharedBudget(store.db, shop);
    expect(await budget.reserve(10)).toBe(0);
    await budget.settle(10, reported(10, 10, 1990));
    const { observed_at } = await row();
    expect(Math.abs(observed_at.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
