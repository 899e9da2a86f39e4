/**
 * Scale-out benchmark (issue 7 item 4): the multi-process test's set-up at the size. One
 * `serve` process (webhook receiver) and three `worker` processes on one PostgreSQL database;
 * Shopify (the emulator, standard throttling) delivers 5,000 simulated orders with their refunds,
 * returns, edits and fulfilments as webhooks, 20% twice and out of order. Waits until every
 * delivery is in and the queue is empty, then counts what a finance user would check.
 * Writes bench/results/scale-out.json (other sizes: scale-out-<orders>-orders-<workers>-workers.json).
 *
 *   npm run bench:scale-out                      (5,000 orders; Standard's 100 points/s sets the pace)
 *   npm run bench:scale-out -- --orders 500 --workers 3 --chunk 250
 *   npm run bench:scale-out -- --throttle plus   (Shopify Plus's bucket: 10x the points per second)
 *
 * The merchant's history is simulated `--chunk` orders at a time while the sync runs (the
 * emulator's event loop is held for a whole chunk: ~2-3 s per 250 orders without deliveries,
 * and nothing is sent meanwhile). Standard's 100 points/s bounds the sync: the test's 120
 * orders cost ~170 points each (235 reads for 120 orders, the periodic catch-up sync included),
 * so 5,000 orders take about 2.5 hours.
 *
 * Needs the PostgreSQL server (STOREBRIDGE_TEST_POSTGRES_URL, Default the local one).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PlanName } from '../emulator/src/index.ts';
import { runScaleOut } from '../test/support/runtime/scale-out.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '5000' },
    workers: { type: 'string', default: '3' },
    chunk: { type: 'string', default: '250' },
    throttle: { type: 'string', default: 'standard' },
  },
});
const orders = Number(values.orders);
const workers = Number(values.workers);
const chunkOrders = Number(values.chunk);
if (!Number.isSafeInteger(orders) || orders < 1)
  throw new Error(`--orders: "${values.orders}" is not a positive whole number`);
if (!Number.isSafeInteger(workers) || workers < 1)
  throw new Error(`--workers: "${values.workers}" is not a positive whole number`);
const adminUrl = process.env.STOREBRIDGE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const result = await runScaleOut({
  adminUrl,
  orders,
  workers,
  chunkOrders,
  throttle: values.throttle as PlanName,
  timeoutMs: 6 * 60 * 60_000,
  log: (line) => console.log(line),
});

const { books, imported, shopify } = result;
const byType: Record<string, number> = {};
for (const document of books.documents) byType[document.type] = (byType[document.type] ?? 0) + 1;
const importedIds = new Set(imported.orders.map((order) => order.shopify_order_id));
const report = {
  orders,
  workers,
  ordersInShopify: shopify.orderIds.length,
  ordersImported: importedIds.size,
  ordersMissing: shopify.orderIds.filter((id) => !importedIds.has(id)).length,
  refundsInShopify: shopify.refundIds.length,
  refundsImported: imported.refunds.length,
  documents: books.documents.length,
  documentsByType: byType,
  duplicates: books.duplicates.length,
  reconcileDifferences: result.reconcile.differences.length,
  deadLetters: result.deadLetters.length,
  jobsFailedOnThrottled: result.jobs.throttled.length,
  throttledAnswersRetried: result.throttledAnswers,
  shopifyRequests: result.requests,
  costPointsPerOrder: Math.round(result.costPoints / orders),
  deliveriesLogged: result.deliveries.logged,
  duplicateDeliveries: result.deliveries.duplicates,
  seconds: Math.round(result.seconds * 10) / 10,
  ordersPerSecond: Math.round((orders / result.seconds) * 100) / 100,
  node: process.version,
  at: new Date().toISOString(),
};
console.log(JSON.stringify(report, null, 2));
const dir = resolve(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
// The size is `scale-out.json`; a smaller trial run does not overwrite it.
const file =
  orders === 5000 && workers === 3 ? 'scale-out.json' : `scale-out-${orders}-orders-${workers}-workers.json`;
writeFileSync(resolve(dir, file), `${JSON.stringify(report, null, 2)}\n`);
const failed =
  report.ordersMissing +
  report.duplicates +
  report.reconcileDifferences +
  report.deadLetters +
  report.jobsFailedOnThrottled;
process.exitCode = failed === 0 ? 0 : 1;
