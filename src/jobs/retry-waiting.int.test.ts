import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, type TestStore } from '../../test/support/test-store.ts';
import { closeJobTestbed, openJobTestbed, until, type JobTestbed } from './testing/job-testbed.ts';
import { addShop, quickShopInput } from '../shops/index.ts';
import { FakeBooks, FakeOrderSource } from '../sync/testing/fake-source.ts';
import { listNeedsAttention, queueNames, startWorker, type JobQueue, type Worker } from './index.ts';

/**
 * pg-boss keeps one job per key in each state of a `stately` queue: a job that fails while
 * another job of its order already waits for its retry cannot wait too, and pg-boss fails it for
 * good. Found by the scale-out test (test/runtime): webhook bursts under throttling filled the
 * dead letters with jobs whose order was synced by the retry a moment later.
 */
describeOnEachBackend('a job failing while a retry of its order waits', (backend) => {
  let testbed: JobTestbed;
  let store: TestStore;
  let queue: JobQueue;
  let worker: Worker | undefined;

  beforeEach(async () => {
    testbed = await openJobTestbed(backend);
    ({ store, queue } = testbed);
  });
  afterEach(async () => {
    await closeJobTestbed({ ...testbed, worker });
    worker = undefined;
  });

  it('is done, handing its work to the waiting retry, and nothing needs attention', async () => {
    const source = new FakeOrderSource(2);
    const deps = {
      db: store.db,
      secretKey: randomBytes(32),
      books: new FakeBooks(),
      sourceFor: () => source,
    };
    await addShop(deps, quickShopInput({ code: 'EU', domain: 'eu-shop.myshopify.com', token: 'shpat_x' }));
    worker = await startWorker(queue, deps, { schedules: false });
    const job = { shopCode: 'EU', shopifyOrderId: '1', cause: 'webhook orders/create' };
    // The shop's first sync (nothing in Shopify yet), then Shopify stops answering: retryable.
    await queue.sendShopSync(store.db, { shopCode: 'EU', cause: 'first sync' });
    await until(
      () => queue.boss.findJobs(queueNames.shopSync),
      (jobs) => jobs[0]?.state === 'completed',
    );
    source.order = () => Promise.reject(new Error('connection lost'));

    await queue.sendOrderSync(store.db, job);
    const [first] = await until(
      () => queue.boss.findJobs(queueNames.orderSync, { queued: true }),
      (jobs) => jobs.some((j) => j.state === 'retry'),
    );
    expect(first?.state).toBe('retry');

    await queue.sendOrderSync(store.db, { ...job, cause: 'webhook orders/paid' });
    const second = await until(
      async () => (await queue.boss.findJobs(queueNames.orderSync)).find((j) => j.id !== first!.id),
      (found) => found?.state === 'completed' || found?.state === 'failed',
    );
    expect(second).toMatchObject({
      state: 'completed',
      output: { code: 'unexpected', retryable: true, retriedBy: first!.id },
    });
    expect(await listNeedsAttention(queue)).toEqual([]);
    const [retry] = await queue.boss.findJobs(queueNames.orderSync, { id: first!.id });
    expect(retry?.state).toBe('retry');
  });
});
