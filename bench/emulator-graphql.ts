/**
 * Emulator GraphQL micro-benchmark: the requests the order import sends (src/shopify/graphql),
 * against an in-process emulator seeded with N demo orders (Default: 2,000), each kind timed
 * request by request over HTTP, plus the bulk export of every order (BulkOrdersExport, JSONL
 * downloaded). Reports per kind the median and p90 round trip and the median time the emulator
 * logged for the call, to stdout and bench/results/emulator-graphql.json.
 *
 *   npx tsx bench/emulator-graphql.ts [--orders 2000] [--runs 200] [--bulk-runs 5]
 *
 * Only emulator code is imported: the operation texts are read from the .graphql files and sent
 * with the fragments they spread, as src/shopify/operations.ts does.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/src/index.ts';
import type { Order } from '../emulator/src/domain/index.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '200' },
    'bulk-runs': { type: 'string', default: '5' },
  },
});
const orderCount = Number(values.orders);
const runs = Number(values.runs);
const bulkRuns = Number(values['bulk-runs']);
/** Requests of each kind sent before timing (JIT warm-up, caches filled as in a long import). */
const warmUp = 20;

const operationsFolder = join(import.meta.dirname, '../src/shopify/graphql');
const fileText = new Map<string, string>();
const read = (path: string) => {
  if (!fileText.has(path)) fileText.set(path, readFileSync(path, 'utf8'));
  return fileText.get(path)!;
};
/** `...Name` spreads followed through graphql/fragments, each once, sorted (operations.ts). */
function fragmentsUsedBy(text: string, seen = new Set<string>()): string[] {
  for (const match of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
    const name = match[1]!;
    if (name === 'on' || seen.has(name)) continue;
    seen.add(name);
    fragmentsUsedBy(read(join(operationsFolder, 'fragments', `${name}.graphql`)), seen);
  }
  return [...seen].sort();
}
function operationText(name: string): string {
  const own = read(join(operationsFolder, `${name}.graphql`));
  const fragments = fragmentsUsedBy(own).map((f) =>
    read(join(operationsFolder, 'fragments', `${f}.graphql`)),
  );
  return [own, ...fragments].join('\n');
}

const started = performance.now();
const emulator = await startEmulator({
  port: 0,
  throttle: 'off',
  seed: { kind: 'demo', orders: orderCount, seed: 'bench' },
});
const seedMs = Math.round(performance.now() - started);
const orders = emulator.state.data.orders;
console.log(`seeded ${orders.length} orders in ${seedMs} ms`);

const endpoint = `${emulator.url}/admin/api/2025-01/graphql.json`;
async function gql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': emulator.token },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data!;
}

const gidOf = (type: string, id: number) => `gid://shopify/${type}/${id}`;
const idSearch = (batch: readonly Order[]) => batch.map((order) => `id:${order.id}`).join(' OR ');
/** The orders an export reads whole (export-orders-in-bulk.ts `mayDerive`, roughly). */
const isDeep = (order: Order) =>
  order.returns.length > 0 ||
  order.cancelledAt !== null ||
  order.fulfillmentOrders.length !== 1 ||
  order.fulfillments.length > 1;
const deepOrders = orders.filter(isDeep);
const refundedOrders = orders.filter((order) => !isDeep(order) && order.refunds.length > 0);
const refunds = orders.flatMap((order) => order.refunds);
const fulfillments = orders.flatMap((order) => order.fulfillments);
const fulfillmentOrders = orders.flatMap((order) => order.fulfillmentOrders);
const byUpdate = [...orders].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
const sinceSearch = (at: string) => `updated_at:>='${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
const batches = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const cycle = <T>(items: readonly T[], i: number) => items[i % items.length]!;

interface Kind {
  readonly operation: string;
  /** The variables of the i-th request (cycling through the shop's records). */
  readonly variables: (i: number) => Record<string, unknown>;
}
const deepBatches = batches(deepOrders, 10);
const refundBatches = batches(refundedOrders, 16);
const kinds: Kind[] = [
  {
    operation: 'OrdersDeepParts',
    variables: (i) => {
      const batch = cycle(deepBatches, i);
      return { first: batch.length, query: idSearch(batch) };
    },
  },
  {
    operation: 'OrdersRefunds',
    variables: (i) => {
      const batch = cycle(refundBatches, i);
      return { first: batch.length, query: idSearch(batch) };
    },
  },
  {
    operation: 'OrdersPage',
    variables: (i) => ({ first: 5, query: sinceSearch(cycle(byUpdate, i * 5).updatedAt) }),
  },
  { operation: 'OrderFulfillmentOrders', variables: (i) => ({ id: gidOf('Order', cycle(orders, i).id) }) },
  { operation: 'RefundLineItems', variables: (i) => ({ id: gidOf('Refund', cycle(refunds, i).id) }) },
  { operation: 'RefundTransactions', variables: (i) => ({ id: gidOf('Refund', cycle(refunds, i).id) }) },
  {
    operation: 'FulfillmentLineItems',
    variables: (i) => ({ id: gidOf('Fulfillment', cycle(fulfillments, i).id) }),
  },
  {
    operation: 'FulfillmentOrderLineItems',
    variables: (i) => ({ id: gidOf('FulfillmentOrder', cycle(fulfillmentOrders, i).id) }),
  },
];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  return { medianMs: round(at(0.5)), p90Ms: round(at(0.9)), meanMs: round(mean) };
}

const requests: Record<string, unknown> = {};
for (const kind of kinds) {
  const query = operationText(kind.operation);
  for (let i = 0; i < warmUp; i++) await gql(query, kind.variables(i));
  emulator.log.reset();
  const roundTrips: number[] = [];
  const cpuAtStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const at = performance.now();
    await gql(query, kind.variables(warmUp + i));
    roundTrips.push(performance.now() - at);
  }
  const cpu = process.cpuUsage(cpuAtStart);
  const logged = emulator.log.list();
  const entry = {
    requests: runs,
    roundTrip: stats(roundTrips),
    emulator: stats(logged.map((e) => e.durationMs)),
    // Process CPU (emulator and this client) per request: steadier than wall time on a busy host.
    cpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / runs) * 1000) / 1000,
    requestedCost: stats(logged.map((e) => e.requestedCost ?? 0)).medianMs,
  };
  requests[kind.operation] = entry;
  console.log(
    `${kind.operation.padEnd(26)} round trip median ${entry.roundTrip.medianMs.toFixed(3)} ms ` +
      `p90 ${entry.roundTrip.p90Ms.toFixed(3)} ms, emulator median ${entry.emulator.medianMs.toFixed(3)} ms, ` +
      `CPU ${entry.cpuMsPerRequest.toFixed(3)} ms/request`,
  );
}

/** One whole export as the first sync runs it: start, wait for the file, download it. */
async function bulkExport() {
  const query = operationText('BulkOrdersExport').replace('query: "__SEARCH__"', 'query: ""');
  const at = performance.now();
  const cpuAtStart = process.cpuUsage();
  const run = (await gql(operationText('BulkOperationRunQuery'), { query })) as {
    bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: unknown[] };
  };
  const operation = run.bulkOperationRunQuery.bulkOperation;
  if (!operation) throw new Error(JSON.stringify(run.bulkOperationRunQuery.userErrors));
  await emulator.bulk.idle();
  const polled = (await gql(operationText('BulkOperationById'), { id: operation.id })) as {
    node: { status: string; url: string | null };
  };
  if (polled.node.status !== 'COMPLETED' || !polled.node.url) throw new Error(JSON.stringify(polled.node));
  const text = await (await fetch(polled.node.url)).text();
  const cpu = process.cpuUsage(cpuAtStart);
  return {
    ms: performance.now() - at,
    cpuMs: (cpu.user + cpu.system) / 1000,
    lines: text.split('\n').length - 1,
    bytes: text.length,
  };
}

await bulkExport();
const exports: Awaited<ReturnType<typeof bulkExport>>[] = [];
for (let i = 0; i < bulkRuns; i++) exports.push(await bulkExport());
const bulk = {
  runs: bulkRuns,
  lines: exports[0]!.lines,
  bytes: exports[0]!.bytes,
  ...stats(exports.map((e) => e.ms)),
  cpuMedianMs: stats(exports.map((e) => e.cpuMs)).medianMs,
};
console.log(
  `bulk export of ${orders.length} orders: median ${bulk.medianMs.toFixed(1)} ms ` +
    `(CPU ${bulk.cpuMedianMs.toFixed(1)} ms), ${bulk.lines} lines`,
);

await emulator.close();
const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  orders: orders.length,
  seedMs,
  runsPerKind: runs,
  requests,
  bulkExport: bulk,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results/emulator-graphql.json'),
  JSON.stringify(results, null, 2) + '\n',
);
