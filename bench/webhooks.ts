/**
 * Webhook benchmark (issue 7 item 8). Writes bench/results/webhooks-<backend>.json.
 *
 *   npm run bench:webhooks                          (PGlite, 200, 500 and 1000 deliveries/s, 20 s each)
 *   npm run bench:webhooks -- --backend postgres
 *   npx tsx bench/webhooks.ts --rates 500,1000,2000 --seconds 20 --lag-seconds 30 --log-level info
 *
 * Ack: the service as `serve` starts it (API only, no worker: the receiver measured alone; jobs
 * wait in the queue) on loopback; a load generator in a child process sends signed deliveries
 * built from Shopify's recorded payloads (various orders, unique event ids, 3% repeats) open
 * loop at each offered rate and reports accepted/s and ack latency from each delivery's due time.
 * Each rate's generator first sends 2 s at the rate that are not counted (its own cold start).
 * Target: p99 < 25 ms at 500/s.
 * Lag: the service as `serve --with-worker` (one process, as `npm start`), the emulator
 * (throttle off, its own process) live, webhooks subscribed to the service: each new order's
 * createdAt in the emulator -> its sales document committed in the store. Target: p99 < 2 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Backend } from '../src/db/index.ts';
import { syncDeps, syncOrders } from '../src/sync/index.ts';
import { countReceipts, runLoad, type AckRun } from './support/ack-phase.ts';
import { startBenchService } from './support/bench-service.ts';
import { startEmulatorChild } from './support/emulator-child.ts';
import { runLag, type LagRun } from './support/lag-phase.ts';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'pglite' },
    rates: { type: 'string', default: '200,500,1000' },
    seconds: { type: 'string', default: '20' },
    'lag-seconds': { type: 'string', default: '30' },
    'lag-rate': { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'info' },
    phases: { type: 'string', default: 'ack,lag' },
  },
});
const backend = values.backend as Backend;
if (!['pglite', 'postgres'].includes(backend))
  throw new Error(`--backend: "${backend}" is not pglite or postgres`);
const rates = values.rates.split(',').map(Number);
const seconds = Number(values.seconds);
const phases = new Set(values.phases.split(','));
const logLevel = values['log-level'];
// Each rate's generator first sends this long at the rate, not counted (bench/support/webhook-load.ts).
const generatorWarmUpSeconds = 2;

// Other work on the machine shows in every figure here: the result records it.
const machine = {
  cpus: availableParallelism(),
  loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
};
const emulator = await startEmulatorChild(5, 'off');
let ack: { mode: string; warmUp: AckRun; runs: (AckRun & { receiptsStored: number })[] } | null = null;
let lag: LagRun | null = null;
try {
  if (phases.has('ack')) {
    const running = await startBenchService({ backend, emulator, worker: false, logLevel });
    try {
      // Warm-up, not judged: JIT, the shop cache, the first queue lookups.
      const warmUp = await runLoad(running, { rate: 100, seconds: 3, runId: 'warm' });
      const runs = [];
      for (const rate of rates) {
        const runId = `r${rate}-${Date.now()}`;
        console.log(`ack: ${rate} deliveries/s for ${seconds} s...`);
        const run = await runLoad(running, { rate, seconds, runId, warmUpSeconds: generatorWarmUpSeconds });
        runs.push({ ...run, receiptsStored: await countReceipts(running, runId) });
      }
      ack = { mode: 'serve (API only, no worker in the process)', warmUp, runs };
    } finally {
      await running.stop();
    }
  }
  if (phases.has('lag')) {
    const running = await startBenchService({
      backend,
      emulator,
      worker: true,
      logLevel,
      // The shop's first sync done, as in a running service: webhooks then sync single orders.
      prepare: async (context, shopCode) => {
        await syncOrders(syncDeps({ db: context.store.db, secretKey: context.secretKey }), shopCode);
      },
    });
    try {
      console.log(`lag: live merchant at ${values['lag-rate']} steps/s for ${values['lag-seconds']} s...`);
      lag = await runLag(running, emulator, {
        stepsPerSecond: Number(values['lag-rate']),
        seconds: Number(values['lag-seconds']),
        settleSeconds: 30,
      });
    } finally {
      await running.stop();
    }
  }
} finally {
  await emulator.stop();
}

const result = {
  benchmark: 'webhooks',
  backend,
  logLevel,
  targets: { ackP99MsAt500: 25, lagP99Ms: 2_000 },
  ack,
  lag: lag && { mode: 'serve --with-worker (one process), emulator throttle off', ...lag },
  machine,
  node: process.version,
  at: new Date().toISOString(),
};
const folder = resolve(import.meta.dirname, 'results');
mkdirSync(folder, { recursive: true });
writeFileSync(resolve(folder, `webhooks-${backend}.json`), JSON.stringify(result, null, 2) + '\n');

console.log(`\nwebhooks on ${backend} (log level ${logLevel})`);
if (ack) {
  console.table(
    ack.runs.map((run) => ({
      'offered/s': run.offeredPerSecond,
      'accepted/s': run.acceptedPerSecond,
      p50: run.latencyMs.p50,
      p90: run.latencyMs.p90,
      p99: run.latencyMs.p99,
      max: run.latencyMs.max,
      non2xx: run.non2xx,
      'cpu ms/delivery': run.serverCpuMsPerDelivery,
    })),
  );
}
if (lag) {
  const { p50, p99, max } = lag.lagMs;
  console.log(
    `lag: ${lag.orders} orders, p50 ${p50} ms, p99 ${p99} ms, max ${max} ms, ${lag.withoutDocument} without a document`,
  );
}
