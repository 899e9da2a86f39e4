/**
 * Order import benchmark (issue 5): an emulator in its own process seeded with N simulated orders
 * (2-3 goods each, refunds, edits, cancellations: emulator/README.md "merchant simulator"), a
 * fresh store, the demo shop's settings, then one `sync orders` (stage + import + documents).
 * Prints and writes bench/results/import-<mode>.json: requests/order, cost points/order,
 * orders/s, the ratio to what Shopify's restore rate allows, peak RSS of this process (the importer:
 * the emulator runs in a child process), sampled every 25 ms during the sync, and the kernel's maxRSS.
 *
 *   npm run bench:import -- --mode standard --orders 1000
 *   npm run bench:import -- --mode unthrottled --orders 20000 --backend postgres
 *   npm run bench:import -- --mode bulk --orders 100000          (CI never runs it)
 *   npx tsx bench/import.ts --mode standard --orders 300 --mix ordinary
 *
 * Modes: `standard` (Shopify's standard plan: 100 points/s restored, 2,000-point bucket),
 * `unthrottled` (emulator throttle off): both let stageOrders choose the path (a bulk export above
 * `bulkExportThreshold` changed orders, else pages); `bulk` (throttle off; bulk export forced).
 * `--mix`: `default` (the simulator's default mix: 2-3 goods, refunds, returns, edits,
 * cancellations) or `ordinary` (issue 5's frugality target: orders placed and fulfilled as usual,
 * 30% of them refunded once, no returns, edits or cancellations; the simulator places 2-3 goods an
 * order, plus a gift card for some), or a simulator mix string ("plain=10,refund-pending=1"). Targets: standard >= 90% of the restore rate's orders/s and
 * no THROTTLED reaching the caller; unthrottled >= 2,000 orders/s on PostgreSQL and >= 500 on
 * PGlite; bulk 100,000 orders with peak RSS < 300 MB.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Backend } from '../src/db/index.ts';
import { orderCases } from '../emulator/src/simulator/mix.ts';
import { setUpDemoShop } from '../src/demo/index.ts';
import { applyMemorySettings } from '../src/runtime/memory-settings.ts';
import { sql } from 'kysely';
import { openBenchStore } from './support/bench-store.ts';
import { cpuSecondsByPid, treeCpuSeconds } from './support/process-cpu.ts';
import { startEmulatorChild } from './support/emulator-child.ts';
import { runSync } from './support/run-sync.ts';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'standard' },
    orders: { type: 'string' },
    backend: { type: 'string', default: 'pglite' },
    mix: { type: 'string', default: 'default' },
  },
});
const mode = values.mode as 'standard' | 'unthrottled' | 'bulk';
if (!['standard', 'unthrottled', 'bulk'].includes(mode))
  throw new Error(`--mode: "${mode}" is not standard, unthrottled or bulk`);
const backend = values.backend as Backend;
if (!['pglite', 'postgres'].includes(backend))
  throw new Error(`--backend: "${backend}" is not pglite or postgres`);
const defaultOrders = { standard: 1_000, unthrottled: 5_000, bulk: 100_000 }[mode];
const orders = Number(values.orders ?? defaultOrders);
if (!Number.isSafeInteger(orders) || orders < 1)
  throw new Error(`--orders: "${values.orders}" is not a positive whole number`);

/**
 * issue 5's ordinary order: fulfilled as usual (the simulator's `plain`: paid, shipped next day),
 * 0.3 refunds an order (the eight refund cases, one refund each, weights summing to 30 of 100).
 */
const refundCases = orderCases.filter((name) => name.startsWith('refund-'));
const ordinaryMix = orderCases
  .map(
    (name) => `${name}=${name === 'plain' ? 70 : name.startsWith('refund-') ? 30 / refundCases.length : 0}`,
  )
  .join(',');
const mixName = values.mix ?? 'default';
const mix = mixName === 'default' ? undefined : mixName === 'ordinary' ? ordinaryMix : mixName;

/** Shopify's standard plan (emulator/README.md "Throttling"). */
const restorePointsPerSecond = 100;

// The importer runs in this process: with the V8 settings the CLI, service and workers run with.
applyMemorySettings();

// memoryUsage.rss() reads the RSS alone: memoryUsage() also walks V8's heap, ~0.3 s of the
// importer's CPU over a 2,000-order run at one call every 25 ms.
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

console.log(
  `seeding ${orders} orders in the emulator process (${mode === 'standard' ? 'standard' : 'off'} throttling)...`,
);
const shopify = await startEmulatorChild(orders, mode === 'standard' ? 'standard' : 'off', mix);
console.log(`  ${shopify.orders} orders in ${(shopify.seedMs / 1000).toFixed(1)} s`);
// Names this run's PostgreSQL connections, so that their backends' CPU can be read from /proc.
const appName = `bench-import-${randomBytes(4).toString('hex')}`;
process.env.PGAPPNAME = appName;
const store = await openBenchStore(backend);
const backendCpu = async (): Promise<Map<number, number>> => {
  if (backend !== 'postgres') return new Map();
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where application_name = ${appName}`.execute(store.db);
  return cpuSecondsByPid(rows.map((row) => row.pid));
};
const secretKey = randomBytes(32);
try {
  await setUpDemoShop(
    { db: store.db, secretKey },
    { code: 'BENCH', endpoint: shopify.url, accessToken: shopify.token },
  );
  const before = (await shopify.calls()).length;
  peakRss = process.memoryUsage.rss();
  const cpuAtStart = {
    importer: process.cpuUsage(),
    emulator: treeCpuSeconds(shopify.pid),
    backends: await backendCpu(),
  };
  const started = performance.now();
  // When the last order was fetched and the last imported: what follows is the refunds' booking.
  const phases = { fetched: 0, imported: 0 };
  const summary = await runSync({
    store,
    secretKey,
    shopCode: 'BENCH',
    bulk: mode === 'bulk' || undefined,
    onProgress: ({ fetched, imported }) => {
      const now = performance.now() - started;
      if (fetched > 0 && phases.fetched === 0 && fetched >= shopify.orders) phases.fetched = now;
      if (imported > 0) phases.imported = now;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const importerCpu = process.cpuUsage(cpuAtStart.importer);
  const emulatorCpu = treeCpuSeconds(shopify.pid);
  let backendsCpu = 0;
  for (const [pid, now] of await backendCpu()) backendsCpu += now - (cpuAtStart.backends.get(pid) ?? 0);
  const calls = (await shopify.calls()).slice(before);
  const graphql = calls.filter((call) => call.api === 'graphql');
  const throttled = graphql.filter((call) => call.status === 200 && call.actualCost === null).length;
  const points = graphql.reduce((sum, call) => sum + (call.actualCost ?? 0), 0);
  const imported = summary.imported;
  const pointsPerOrder = points / shopify.orders;
  const ordersPerSecond = shopify.orders / seconds;
  // What Shopify's bucket allows over this run: the full bucket once, then the restore rate.
  const allowedPerSecond =
    pointsPerOrder === 0 ? Infinity : (2_000 / seconds + restorePointsPerSecond) / pointsPerOrder;
  const result = {
    mode,
    mix: mixName,
    path: summary.stage.bulk ? 'bulk' : 'paged',
    backend,
    orders: shopify.orders,
    imported,
    errors: summary.errors,
    // Refunds decided and booked in the same run (the demo shop creates credit memos as they come).
    refunds: summary.refunds,
    refundErrors: summary.refundErrors.slice(0, 10),
    seconds: round(seconds),
    // Where the run's time went: fetching and staging (step 1, importing alongside), the orders'
    // import finishing after the last fetch, then the refunds booked (and the run's last passes).
    phaseSeconds: {
      fetchAndStage: round(phases.fetched / 1000),
      importRest: round(Math.max(0, phases.imported - phases.fetched) / 1000),
      refunds: round(seconds - phases.imported / 1000),
    },
    // The machine is shared: the 1, 5 and 15 minute load averages when the run ended.
    loadAverage: existsSync('/proc/loadavg')
      ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
      : null,
    command: `npm run bench:import -- ${process.argv.slice(2).join(' ')}`,
    // CPU seconds (utime + stime) during the sync: this process (the importer; PGlite's engine too),
    // the emulator's process, and this run's PostgreSQL backends (Linux /proc; null elsewhere).
    cpuSeconds: {
      importer: round((importerCpu.user + importerCpu.system) / 1e6),
      emulator:
        emulatorCpu === null || cpuAtStart.emulator === null
          ? null
          : round(emulatorCpu - cpuAtStart.emulator),
      postgresBackends: backend === 'postgres' ? round(backendsCpu) : null,
    },
    requests: calls.length,
    requestsPerOrder: round(calls.length / shopify.orders, 4),
    // GraphQL operations (and REST calls) by name, most frequent first: what the sync asked for.
    requestsByOperation: Object.fromEntries(
      Object.entries(
        calls.reduce<Record<string, number>>((counts, call) => {
          counts[call.operation] = (counts[call.operation] ?? 0) + 1;
          return counts;
        }, {}),
      ).sort(([, a], [, b]) => b - a),
    ),
    costPointsPerOrder: round(pointsPerOrder),
    ordersPerSecond: round(ordersPerSecond),
    throttledAnswersRetried: throttled,
    ratioToRestoreRate: mode === 'standard' ? round(ordersPerSecond / allowedPerSecond, 3) : null,
    peakRssMb: mb(peakRss),
    // The kernel's high-water mark of this process (the emulator is another), start-up included.
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    node: process.version,
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  const folder = resolve(import.meta.dirname, 'results');
  mkdirSync(folder, { recursive: true });
  const label = [
    mode,
    ...(mode === 'unthrottled' ? [backend] : []),
    ...(mixName === 'default' ? [] : [mixName]),
  ]
    .join('-')
    .replace(/[^\w-]+/g, '_');
  writeFileSync(resolve(folder, `import-${label}.json`), JSON.stringify(result, null, 2) + '\n');
} finally {
  clearInterval(sampler);
  await store.close();
  await shopify.stop();
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
