/**
 * Bulk export benchmark: seeds N orders (Default: 100,000; `BULK_ORDERS=n` to change) directly
 * through the emulator's domain commands, runs `bulkOperationRunQuery` for orders with their line
 * items over HTTP, downloads and parses the JSONL back, and reports duration, peak RSS and counts
 * to stdout and bench/results/emulator-bulk.json.
 *
 *   npx tsx bench/emulator-bulk.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '../emulator/src/index.ts';
import { seedOrders } from '../emulator/test/support/seed-orders.ts';

const orders = Number(process.env.BULK_ORDERS ?? 100_000);
const bulkQuery = `{
  orders {
    edges { node { id name createdAt totalPriceSet { shopMoney { amount currencyCode } }
      lineItems { edges { node { id sku quantity originalUnitPriceSet { shopMoney { amount } } } } } } }
  }
}`;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const emulator = await startEmulator({ throttle: 'off' });
const seedStarted = performance.now();
seedOrders(emulator.state, orders);
const seedMs = performance.now() - seedStarted;
const rssAfterSeed = process.memoryUsage().rss;
peakRss = Math.max(peakRss, rssAfterSeed);
console.log(`seeded ${orders} orders in ${Math.round(seedMs)} ms (RSS ${mb(rssAfterSeed)} MB)`);

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${emulator.url}/admin/api/2025-01/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': emulator.token },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: Record<string, Record<string, unknown>> };
};

const bulkStarted = performance.now();
const run = await gql(
  'mutation ($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { message } } }',
  { q: bulkQuery },
);
const started = run.data.bulkOperationRunQuery as {
  bulkOperation: { id: string } | null;
  userErrors: unknown[];
};
if (!started.bulkOperation) throw new Error(`bulk refused: ${JSON.stringify(started.userErrors)}`);
type Operation = {
  status: string;
  url: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
};
let operation: Operation;
for (;;) {
  const poll = await gql(
    'query ($id: ID!) { node(id: $id) { ... on BulkOperation { status url objectCount rootObjectCount fileSize } } }',
    { id: started.bulkOperation.id },
  );
  operation = poll.data.node as unknown as Operation;
  if (!['CREATED', 'RUNNING'].includes(operation.status)) break;
  await sleep(100);
}
const exportMs = performance.now() - bulkStarted;
if (operation.status !== 'COMPLETED' || !operation.url) throw new Error(`bulk ended ${operation.status}`);

const download = await fetch(operation.url);
const lines = createInterface({
  input: Readable.fromWeb(download.body! as ReadableStream),
});
const counts = { lines: 0, orders: 0, lineItems: 0, orphans: 0 };
let lastOrderId: string | null = null;
for await (const text of lines) {
  const line = JSON.parse(text) as { id: string; __parentId?: string };
  counts.lines += 1;
  if (line.__parentId === undefined) {
    counts.orders += 1;
    lastOrderId = line.id;
  } else {
    counts.lineItems += 1;
    if (line.__parentId !== lastOrderId) counts.orphans += 1;
  }
}
const totalMs = performance.now() - bulkStarted;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await emulator.close();

const expectedLineItems = emulator.state.data.orders.reduce((sum, order) => sum + order.lineItems.length, 0);
const result = {
  orders,
  seedMs: Math.round(seedMs),
  exportMs: Math.round(exportMs),
  exportAndParseMs: Math.round(totalMs),
  rssAfterSeedMb: mb(rssAfterSeed),
  peakRssMb: mb(peakRss),
  fileSizeBytes: Number(operation.fileSize),
  objectCount: Number(operation.objectCount),
  rootObjectCount: Number(operation.rootObjectCount),
  parsed: counts,
  expectedLineItems,
  ok: counts.orders === orders && counts.lineItems === expectedLineItems && counts.orphans === 0,
  node: process.version,
  measuredAt: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/emulator-bulk.json', `${JSON.stringify(result, null, 2)}\n`);
if (!result.ok) process.exitCode = 1;
