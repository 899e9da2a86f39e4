import { startEmulator, type PlanName, type RunningEmulator } from '../../../emulator/src/index.ts';
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
  /**
   * The merchant's history is simulated this many orders at a time, the sync running in between
   * (Default: all at once). One simulation call holds the emulator's event loop (no webhook is
   * sent meanwhile), so thousands of orders in one call would stall deliveries for minutes.
   */
  chunkOrders?: number;
  /** Deadline for everything to be delivered and synced (Default: 30 minutes). */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Shopify's rate-limit plan (Default: 'standard', a real shop's; the benchmark may take 'plus'). */
  throttle?: PlanName;
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
  /** GraphQL requests Shopify answered, and the cost points it charged for them. */
  requests: number;
  costPoints: number;
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
    throttle: options.throttle ?? 'standard',
    seed: { kind: 'demo', orders: 0 },
    webhooks: { chaos: { seed: 7, duplicateRate: 0.2, delayWindowMs: 3_000 } },
  });
  const calls = countShopifyCalls(emulator);
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
      await placeOrders(emulator, options.orders, options.chunkOrders ?? options.orders, seed, log);
      log(`simulated in ${(Date.now() - started) / 1000} s; waiting for the sync`);
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
        ...calls,
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

/** The merchant simulator (`POST /__emulator/simulate`: webhooks after each step, pending refunds armed). */
async function placeOrders(
  emulator: RunningEmulator,
  orders: number,
  chunk: number,
  seed: string,
  log: (line: string) => void,
): Promise<void> {
  for (let placed = 0, round = 1; placed < orders; placed += chunk, round += 1) {
    const count = Math.min(chunk, orders - placed);
    const response = await fetch(`${emulator.url}/__emulator/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orders: count, seed: placed === 0 ? seed : `${seed}-${round}` }),
    });
    const report = (await response.json()) as { steps?: number; errors?: unknown[] };
    if (!response.ok || (report.errors?.length ?? 0) > 0)
      throw new Error(`simulate: ${response.status} ${JSON.stringify(report)}`);
    log(`placed ${placed + count} of ${orders} orders (${report.steps} steps)`);
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

/**
 * Counts the emulator's GraphQL answers as they are logged (its log keeps the last 10,000 only).
 * THROTTLED is HTTP 200 with nothing charged (actualCost null).
 */
function countShopifyCalls(emulator: RunningEmulator) {
  const counts = { throttledAnswers: 0, requests: 0, costPoints: 0 };
  const record = emulator.log.record.bind(emulator.log);
  emulator.log.record = (call) => {
    if (call.api === 'graphql') {
      counts.requests += 1;
      if (call.status === 200 && call.actualCost === null) counts.throttledAnswers += 1;
      counts.costPoints += call.actualCost ?? 0;
    }
    record(call);
  };
  return counts;
}

/**
 * Totals from the dispatcher's counters: its log keeps the last 10,000 finished deliveries only
 * (a 5,000-order run makes ~70,000). `notDelivered` lists those still in the log.
 */
function deliverySummary(emulator: RunningEmulator) {
  const { dispatcher } = emulator.webhooks;
  const counts = dispatcher.counts();
  return {
    logged: counts.logged,
    duplicates: counts.duplicates,
    pending: counts.states.scheduled + counts.states.retrying,
    notDelivered: dispatcher
      .deliveries()
      .filter((d) => d.state !== 'delivered')
      .map((d) => `${d.topic} ${d.webhookId}: ${d.state}`),
  };
}
