import { startEmulator } from '../../../emulator/src/index.ts';
import { listNeedsAttention, openJobQueue, type DeadLetter } from '../../../src/jobs/index.ts';
import { sql } from 'kysely';
import { importedOrders, readBooks, type Books } from './books.ts';
import { connectShop, createServerDatabase, shopCode, type ServerDatabase } from './database.ts';
import { sleep, startStorebridge, type StorebridgeProcess } from './processes.ts';
import { shopifyIds, waitUntilSynced } from './scale-out.ts';
import { createSeededRandom } from '../../../emulator/src/chaos/seeded-random.ts';

export interface CrashRunOptions {
  adminUrl: string;
  /** `sb_<purpose>_<random>`: the database of this run. */
  purpose: string;
  /** Orders in the simulator's corpus, each with its history (refunds, returns, edits...). */
  orders: number;
  /** Seed of the corpus: the same seed gives the same orders, refunds and amounts. */
  seed: string;
  /**
   * SIGKILL the worker, each time after a seeded random delay, until `trials` kills found it
   * holding jobs, restarting it each time.
   */
  kills?: { trials: number; seed: number; minDelayMs: number; maxDelayMs: number };
  log?: (line: string) => void;
}

export interface CrashRunResult {
  shopify: ReturnType<typeof shopifyIds>;
  books: Books;
  imported: Awaited<ReturnType<typeof importedOrders>>;
  deadLetters: DeadLetter[];
  /** Kills of a worker that was running jobs (it had taken them since it started). */
  killsDuringSync: number;
  kills: number;
}

/**
 * One worker process syncs a simulator corpus that Shopify (the emulator, a Plus shop) answers
 * with a little latency, as a real shop would: the first sync connects the shop, then the merchant's history
 * arrives and an order-sync job per order is sent (what the webhook receiver sends) plus the
 * periodic catch-up shop sync. With `kills`, the worker is SIGKILLed at random points and
 * started again each time, then left to finish.
 */
export async function runCrashSync(options: CrashRunOptions): Promise<CrashRunResult> {
  const log = options.log ?? (() => undefined);
  const emulator = await startEmulator({
    port: 0,
    // A Shopify Plus shop (1,000 points/s): the workers pace by the bucket Shopify reports, and at
    // Standard's 100 points/s the kills would find the worker waiting for points, not syncing.
    throttle: 'plus',
    seed: { kind: 'demo', orders: 0 },
    chaos: { latencyMs: [100, 400] },
  });
  let database: ServerDatabase | undefined;
  let worker: StorebridgeProcess | undefined;
  try {
    database = await createServerDatabase(options.adminUrl, options.purpose);
    await connectShop(database, emulator);
    const start = () => startStorebridge('worker', 'worker', database!);
    let startedAt = new Date();
    worker = await start();
    const queue = await openJobQueue(database.store);
    try {
      await queue.sendShopSync(database.store.db, { shopCode, cause: 'first sync' });
      await waitUntilSynced(database, emulator, [worker], 120_000);
      const simulated = await fetch(`${emulator.url}/__emulator/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orders: options.orders, seed: options.seed }),
      });
      if (!simulated.ok) throw new Error(`simulate: ${simulated.status} ${await simulated.text()}`);
      const { orderIds } = shopifyIds(emulator);
      for (const shopifyOrderId of orderIds)
        await queue.sendOrderSync(database.store.db, { shopCode, shopifyOrderId, cause: 'webhook' });
      await queue.sendShopSync(database.store.db, { shopCode, cause: 'catch-up' });
      log(`${options.purpose}: ${orderIds.length} orders sent`);

      let kills = 0;
      let killsDuringSync = 0;
      // The same seed, the same kill points.
      const random = createSeededRandom(options.kills?.seed ?? 1);
      // A kill that finds the restarted worker not holding a job yet does not count: kill again
      // until `trials` kills hit it working (at most twice as many kills in all).
      const trials = options.kills?.trials ?? 0;
      while (killsDuringSync < trials && kills < trials * 2) {
        const { minDelayMs, maxDelayMs } = options.kills!;
        await sleep(minDelayMs + Math.floor(random() * (maxDelayMs - minDelayMs)));
        const holding = await jobsHeldSince(database, startedAt);
        await worker.kill();
        kills += 1;
        if (holding > 0) killsDuringSync += 1;
        log(`${options.purpose}: kill ${kills} holding ${holding} jobs`);
        startedAt = new Date();
        worker = await start();
      }
      await waitUntilSynced(database, emulator, [worker], 180_000, log);
      // Then the periodic sync, as the schedule sends it every syncFrequencyMinutes: it imports
      // again what is staged with an error. An order-sync job that reaches an order before the
      // order that creates its customer leaves it staged (customer_not_found, seed 002) until
      // then, in either run, depending on the order the jobs ran in.
      await queue.sendShopSync(database.store.db, { shopCode, cause: 'schedule' });
      await waitUntilSynced(database, emulator, [worker], 120_000, log);
      const deadLetters = await listNeedsAttention(queue);
      await worker.stop();
      return {
        shopify: shopifyIds(emulator),
        books: await readBooks(database.store, shopCode),
        imported: await importedOrders(database.store, shopCode),
        deadLetters,
        kills,
        killsDuringSync,
      };
    } finally {
      await queue.stop({ graceful: false });
    }
  } finally {
    await worker?.stop();
    await emulator.close();
    await database?.drop();
  }
}

/** Jobs running that were taken after `since` (by the worker started then). */
async function jobsHeldSince(database: ServerDatabase, since: Date): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    select count(*) as count from pgboss.job where state = 'active' and started_on >= ${since}
  `.execute(database.store.db);
  return Number(rows[0]?.count ?? 0);
}
