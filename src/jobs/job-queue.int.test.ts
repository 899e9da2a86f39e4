import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, type TestStore } from '../../test/support/test-store.ts';
import { closeJobTestbed, openJobTestbed, until, type JobTestbed } from './testing/job-testbed.ts';
import { createLogger } from '../shared/logger.ts';
import { anOrder } from '../domain/testing/order-builders.ts';
import { addShop, quickShopInput, setShopSetting } from '../shops/index.ts';
import { listOrdersToImport, showImportedOrder, type SyncDeps } from '../sync/index.ts';
import { FakeBooks, FakeOrderSource } from '../sync/testing/fake-source.ts';
import { addTestUser } from '../access/testing/test-users.ts';
import { buildServer } from '../http/server.ts';
import {
  deadLetterBox,
  listNeedsAttention,
  openJobQueue,
  queueNames,
  retryDeadLetter,
  startWorker,
  type JobQueue,
  type Worker,
} from './index.ts';
import { runScheduleTick, shopSyncRule } from './schedule-tick.ts';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 10, 12, minute)).toISOString();
const order = (id: number, minute: number) =>
  anOrder({ shopifyId: String(id), name: `#${id}`, createdAt: at(minute), updatedAt: at(minute) });

describeOnEachBackend('job queue', (backend) => {
  let testbed: JobTestbed;
  let store: TestStore;
  let queue: JobQueue;
  let worker: Worker | undefined;
  let source: FakeOrderSource;
  let deps: SyncDeps;

  beforeEach(async () => {
    testbed = await openJobTestbed(backend);
    ({ store, queue } = testbed);
    source = new FakeOrderSource(2);
    deps = {
      db: store.db,
      secretKey: randomBytes(32),
      books: new FakeBooks(),
      sourceFor: () => source,
      now: () => new Date(at(30)),
    };
    await addShop(deps, quickShopInput({ code: 'EU', domain: 'eu-shop.myshopify.com', token: 'shpat_x' }));
  });
  afterEach(async () => {
    await closeJobTestbed({ ...testbed, worker });
    worker = undefined;
  });

  const jobsOf = (name: string) => queue.boss.findJobs(name);

  it('a job sent inside a transaction that rolls back is not there, and one that commits is, with its rows', async () => {
    await store.db
      .transaction()
      .execute(async (trx) => {
        await queue.sendOrderSync(trx, { shopCode: 'EU', shopifyOrderId: '1', cause: 'test' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await jobsOf(queueNames.orderSync)).toHaveLength(0);

    await store.db.transaction().execute(async (trx) => {
      await trx.updateTable('shops').set({ name: 'Renamed' }).execute();
      await queue.sendOrderSync(trx, { shopCode: 'EU', shopifyOrderId: '1', cause: 'test' });
    });
    const jobs = await jobsOf(queueNames.orderSync);
    expect(jobs.map((job) => job.data)).toEqual([{ shopCode: 'EU', shopifyOrderId: '1', cause: 'test' }]);
    expect(await store.db.selectFrom('shops').select('name').execute()).toEqual([{ name: 'Renamed' }]);
  });

  it('jobs for one order coalesce while one waits: a burst of webhooks is one read of the order', async () => {
    for (let i = 0; i < 5; i++)
      await queue.sendOrderSync(store.db, { shopCode: 'EU', shopifyOrderId: '7', cause: `webhook ${i}` });
    await queue.sendOrderSync(store.db, { shopCode: 'EU', shopifyOrderId: '8', cause: 'webhook' });
    const jobs = await jobsOf(queueNames.orderSync);
    expect(jobs.map((job) => (job.data as { shopifyOrderId: string }).shopifyOrderId).sort()).toEqual([
      '7',
      '8',
    ]);
  });

  it('jobs sent together (pg-boss insert) coalesce as jobs sent one by one, and roll back with their transaction', async () => {
    const job = (id: string, cause = 'webhook') => ({ shopCode: 'EU', shopifyOrderId: id, cause });
    await queue.sendOrderSync(store.db, job('7', 'first'));
    await store.db
      .transaction()
      .execute(async (trx) => {
        await queue.sendOrderSyncs(trx, [job('8'), job('9')]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await jobsOf(queueNames.orderSync)).toHaveLength(1);
    // 7 waits already; 8 twice in one call: stately keeps one of each.
    await queue.sendOrderSyncs(store.db, [job('8', 'a'), job('7'), job('8', 'b'), job('9')]);
    const jobs = await jobsOf(queueNames.orderSync);
    const data = jobs.map((found) => found.data as { shopifyOrderId: string; cause: string });
    expect(data.map((found) => `${found.shopifyOrderId} ${found.cause}`).sort()).toEqual([
      '7 first',
      '8 a',
      '9 webhook',
    ]);
    expect(jobs.every((found) => found.retryLimit === 8 && found.heartbeatSeconds === 30)).toBe(true);
  });

  it('a worker runs the first sync, then brings one changed order in step', async () => {
    source.put(order(1, 1), order(2, 2));
    worker = await startWorker(queue, deps, { schedules: false });
    await queue.sendOrderSync(store.db, {
      shopCode: 'EU',
      shopifyOrderId: '1',
      cause: 'webhook orders/create',
    });
    const first = await until(
      () => showImportedOrder(deps, 'EU', '2').catch(() => null),
      (shown) => shown !== null,
    );
    expect(first?.name).toBe('#2');

    source.put(order(3, 10));
    source.calls.length = 0;
    await queue.sendOrderSync(store.db, {
      shopCode: 'EU',
      shopifyOrderId: '3',
      cause: 'webhook orders/create',
    });
    const third = await until(
      () => showImportedOrder(deps, 'EU', '3').catch(() => null),
      (shown) => shown !== null,
    );
    expect(third?.name).toBe('#3');
    // One order read, not a sync of the shop.
    expect(source.calls).toEqual(['order 3']);
    expect(await listOrdersToImport(deps, 'EU')).toEqual([]);
  });

  it('a job that cannot succeed goes to the dead letters with its error, and can be sent again', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    worker = await startWorker(queue, deps, { schedules: false, logger });
    await queue.sendOrderSync(store.db, { shopCode: 'NOPE', shopifyOrderId: '1', cause: 'webhook' });
    const letters = await until(
      () => listNeedsAttention(queue),
      (list) => list.length > 0,
    );
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      queue: queueNames.orderSync,
      data: { shopCode: 'NOPE', shopifyOrderId: '1' },
      error: { code: 'not_found' },
    });
    expect(letters[0]!.error!.message).toContain('NOPE');
    // The log says which job, so an operator can follow one job's lines (its correlation id).
    const failure = lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === 'job failed for good');
    expect(failure).toMatchObject({
      queue: queueNames.orderSync,
      code: 'not_found',
      jobId: expect.any(String),
    });
    await worker.stop();
    worker = undefined;
    expect(await retryDeadLetter(queue, letters[0]!.id)).toBe(true);
    expect(await listNeedsAttention(queue)).toEqual([]);
    expect((await queue.boss.findJobs(queueNames.orderSync, { queued: true })).length).toBe(1);
  });

  it('GET /api/needs-attention shows the dead letter with its retry call, which sends the job again', async () => {
    worker = await startWorker(queue, deps, { schedules: false, logger: createLogger('silent') });
    await queue.sendOrderSync(store.db, { shopCode: 'NOPE', shopifyOrderId: '1', cause: 'webhook' });
    await until(
      () => listNeedsAttention(queue),
      (list) => list.length > 0,
    );
    await worker.stop();
    worker = undefined;
    const { apiKey } = await addTestUser(store.db, 'agent');
    const server = buildServer({
      store,
      secretKey: deps.secretKey,
      logger: createLogger('silent'),
      deadLetters: deadLetterBox(queue),
    });
    const headers = { authorization: `Bearer ${apiKey}` };
    const listed = (await server.inject({ url: '/api/needs-attention?reconcile=false', headers })).json();
    expect(listed.counts.dead_letter).toBe(1);
    const [item] = listed.items;
    expect(item).toMatchObject({
      kind: 'dead_letter',
      shopCode: 'NOPE',
      order: { id: '1', name: null },
      code: 'not_found',
      actions: [
        { label: 'Retry job', method: 'POST', path: expect.stringMatching(/^\/api\/dead-letters\//) },
      ],
    });
    const retried = await server.inject({ method: 'POST', url: item.actions[0].path, headers });
    expect(retried.statusCode).toBe(200);
    expect((await server.inject({ url: '/api/dead-letters', headers })).json()).toEqual({ deadLetters: [] });
    expect((await queue.boss.findJobs(queueNames.orderSync, { queued: true })).length).toBe(1);
    await server.close();
  });

  it('a queue made by an older version takes the definition of today when the queue opens again', async () => {
    // As an install from before heartbeats: no heartbeat, a shorter retry.
    await queue.boss.updateQueue(queueNames.orderSync, { heartbeatSeconds: null as never, retryLimit: 2 });
    expect(await queue.boss.getQueue(queueNames.orderSync)).toMatchObject({
      heartbeatSeconds: null,
      retryLimit: 2,
    });
    await queue.stop({ graceful: false });
    queue = await openJobQueue(store);
    testbed.queue = queue;
    expect(await queue.boss.getQueue(queueNames.orderSync)).toMatchObject({
      heartbeatSeconds: 30,
      retryLimit: 8,
      policy: 'stately',
    });
  });

  it('the schedule follows the shops: every syncFrequencyMinutes for auto-sync shops, none for the others', async () => {
    await setShopSetting(deps, 'EU', ['autoSyncOrders=true', 'syncFrequencyMinutes=7']);
    expect(await runScheduleTick(queue, deps)).toEqual({
      shops: 1,
      changed: 1,
      receiptsPruned: 0,
      vacuumed: expect.any(Array),
    });
    const schedules = await queue.boss.getSchedules(queueNames.shopSync);
    expect(schedules.map((s) => [s.key, s.cron])).toEqual([['EU', shopSyncRule(7)]]);
    expect(await runScheduleTick(queue, deps)).toEqual({
      shops: 1,
      changed: 0,
      receiptsPruned: 0,
      vacuumed: expect.any(Array),
    });
    await setShopSetting(deps, 'EU', ['autoSyncOrders=false']);
    await runScheduleTick(queue, deps);
    expect(await queue.boss.getSchedules(queueNames.shopSync)).toEqual([]);
  });

  it('the tick forgets webhook receipts and counted repeats after 30 days, and keeps the recent ones', async () => {
    const receipt = (webhookId: string, daysAgo: number) => ({
      shop_code: 'EU',
      topic: 'orders/updated',
      webhook_id: webhookId,
      outcome: 'accepted' as const,
      received_at: new Date(Date.now() - daysAgo * 86_400_000),
    });
    await store.db
      .insertInto('webhook_receipts')
      .values([receipt('old', 31), receipt('recent', 29)])
      .execute();
    const repeats = (count: number, daysAgo: number) => ({
      shop_code: 'EU',
      topic: 'orders/updated',
      repeats: count,
      received_at: new Date(Date.now() - daysAgo * 86_400_000),
    });
    await store.db
      .insertInto('webhook_repeats')
      .values([repeats(5, 31), repeats(2, 29)])
      .execute();
    expect(await runScheduleTick(queue, deps)).toMatchObject({ receiptsPruned: 1 });
    const left = await store.db.selectFrom('webhook_receipts').select('webhook_id').execute();
    expect(left).toEqual([{ webhook_id: 'recent' }]);
    const repeatsLeft = await store.db.selectFrom('webhook_repeats').select('repeats').execute();
    expect(repeatsLeft.map((row) => Number(row.repeats))).toEqual([2]);
  });
});
