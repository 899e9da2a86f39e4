import { startEmulator, type RunningEmulator } from '../../../emulator/src/index.ts';
import { simulate } from '../../../emulator/src/simulator/run-simulation.ts';
import { openJobQueue, listNeedsAttention, type DeadLetter } from '../../../src/jobs/index.ts';
import { syncWebhookSubscriptions } from '../../../src/shops/index.ts';
import { importedOrders, jobStates, readBooks, unfinished, type Books } from './books.ts';
import { connectShop, createServerDatabase, shopCode, type ServerDatabase } from './database.ts';
import { reconcileBooks, type ReconcileReport } from './reconcile.ts';
import { sleep, startStorebridge, stopAll, type StorebridgeProcess } from './processes.ts';

export interface ScaleOutOptions {
  /** The PostgreSQL server (the test database is created on it and dropped at the end). */
  adminUrl: string;
  /** Orders the merchant places, each with its later history (refunds, returns, edits...). */
  orders: number;
  /** Worker processes beside the one `serve` process (Default: 3). */
  workers?: number;
  /** Seed of the simulator and of the delivery chaos (Default: 'scale-out'). */
  seed?: string;
  /** Deadline for everything to be delivered and synced (Default: 30 minutes). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface ScaleOutResult {
  seconds: number;
  shopify: ReturnType<typeof shopifyIds>;
  imported: Awaited<ReturnType<typeof importedOrders>>;
  books: Books;
  reconcile: ReconcileReport;
  deliveries: { logged: number; duplicates: number; notDelivered: string[] };
  jobs: Awaited<ReturnType<typeof jobStates>>;
  deadLetters: DeadLetter[];
  /** Shopify's THROTTLED answers (the emulator's log): each was waited out and retried by storebridge. */
  throttledAnswers: number;
}

/**
 * Issue 7 item 4 on real processes: one `serve` (API + webhook receiver, no worker) and `workers`
 * `worker` processes on one PostgreSQL database; Shopify (the emulator, standard throttling)
 * delivers the merchant's activity as webhooks with duplicates and out of order. Returns what a
 * finance user would check once every delivery is in and the queue is empty.
 */
export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 'scale-out';
  const emulator = await startEmulator({
    port: 0,
    throttle: 'standard',
    seed: { kind: 'demo', orders: 0 },
    webhooks: { chaos: { seed: 7, duplicateRate: 0.2, delayWindowMs: 3_000 } },
  });
  const processes: StorebridgeProcess[] = [];
  let database: ServerDatabase | undefined;
  try {
    database = await createServerDatabase(options.adminUrl, 'scaleout');
    await connectShop(database, emulator);
    processes.push(
      ...(await Promise.all([
        startStorebridge('serve', 'serve', database),
        ...Array.from({ length: options.workers ?? 3 }, (_, i) =>
          startStorebridge(`worker-${i + 1}`, 'worker', database!),
        ),
      ])),
    );
    const [serve] = processes;
    const deps = { db: database.store.db, secretKey: database.secretKeyBytes };
    await syncWebhookSubscriptions(deps, shopCode, { publicUrl: serve!.url });
    const queue = await openJobQueue(database.store);
    try {
      // Connected: the first sync (nothing in Shopify yet) starts the integration, as after set-up.
      await queue.sendShopSync(database.store.db, { shopCode, cause: 'first sync' });
      await waitUntilSynced(database, emulator, processes, 120_000);
      const started = Date.now();
      log(`simulating ${options.orders} orders`);
      const report = simulate(emulator.state, {
        orders: options.orders,
        seed,
        afterStep: () => emulator.webhooks.afterChange(),
      });
      if (report.errors.length > 0) throw new Error(`simulator errors: ${JSON.stringify(report.errors)}`);
      log(`simulated ${report.steps} steps in ${(Date.now() - started) / 1000} s; waiting for the sync`);
      await waitUntilSynced(database, emulator, processes, options.timeoutMs ?? 30 * 60_000, log);
      const seconds = (Date.now() - started) / 1000;
      const deadLetters = await listNeedsAttention(queue);
      const jobs = await jobStates(database.store);
      await stopAll(processes);
      return {
        seconds,
        shopify: shopifyIds(emulator),
        imported: await importedOrders(database.store, shopCode),
        books: await readBooks(database.store, shopCode),
        reconcile: await reconcileBooks(database, shopCode),
        deliveries: deliverySummary(emulator),
        jobs,
        deadLetters,
        throttledAnswers: emulator.log
          .list()
          .filter((call) => call.api === 'graphql' && call.status === 200 && call.actualCost === null).length,
      };
    } finally {
      await queue.stop({ graceful: false });
    }
  } finally {
    await stopAll(processes);
    await emulator.close();
    await database?.drop();
  }
}

/**
 * Waits until Shopify has nothing left to deliver and the queue has no order or shop sync
 * waiting, retrying or running, twice in a row (a delivery answered just now has its job).
 */
export async function waitUntilSynced(
  database: ServerDatabase,
  emulator: RunningEmulator,
  processes: readonly StorebridgeProcess[],
  timeoutMs: number,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let lastReport = 0;
  while (quiet < 2) {
    await emulator.webhooks.settle();
    const pending = deliverySummary(emulator).pending;
    const { counts } = await jobStates(database.store);
    const running = unfinished(counts);
    quiet = pending === 0 && running === 0 ? quiet + 1 : 0;
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      log(`deliveries pending ${pending}, jobs ${JSON.stringify(counts)}`);
    }
    if (Date.now() > deadline) {
      const outputs = processes.map((p) => `--- ${p.name}\n${p.output().slice(-4000)}`).join('\n');
      throw new Error(
        `not synced within ${timeoutMs} ms: deliveries pending ${pending}, jobs ${JSON.stringify(counts)}\n${outputs}`,
      );
    }
    await sleep(500);
  }
}

export function shopifyIds(emulator: RunningEmulator) {
  const orders = emulator.state.data.orders;
  return {
    orderIds: orders.map((order) => String(order.id)).sort(),
    refundIds: orders.flatMap((order) => order.refunds.map((refund) => String(refund.id))).sort(),
    cancelled: new Set(orders.filter((order) => order.cancelledAt !== null).map((order) => String(order.id))),
    updatedAt: new Map(orders.map((order) => [String(order.id), order.updatedAt])),
  };
}

function deliverySummary(emulator: RunningEmulator) {
  const deliveries = emulator.webhooks.dispatcher.deliveries();
  const waiting = deliveries.filter((d) => d.state === 'scheduled' || d.state === 'retrying');
  return {
    logged: deliveries.length,
    duplicates: deliveries.filter((d) => d.duplicate).length,
    pending: waiting.length,
    notDelivered: deliveries
      .filter((d) => d.state !== 'delivered')
      .map((d) => `${d.topic} ${d.webhookId}: ${d.state}`),
  };
}
