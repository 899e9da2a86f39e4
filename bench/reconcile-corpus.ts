/**
 * Issue 6 "Done when", at benchmark size: the merchant simulator's hard-case corpus (N orders,
 * emulator/README.md: refunds of every kind, returns, exchanges, edits, cancellations, POS,
 * foreign currencies, taxes, gift cards, tips) in an emulator of its own process, the demo shop
 * booking refunds as they come (auto create credit memo + customer refunds), one `sync orders`,
 * then `reconcile`, the G/L balance per document, and a second sync that must create nothing.
 * Prints and writes bench/results/reconcile-corpus[-<mix>].json: orders, refunds, documents by
 * type, differences by cause (and by simulator case), expected by reason, seconds.
 *
 *   npx tsx bench/reconcile-corpus.ts --orders 1000
 *   npx tsx bench/reconcile-corpus.ts --orders 1000 --backend postgres --mix correct
 *
 * `--mix`: `default` (the simulator's default mix), `correct` (without exchanges and paid
 * cancellations, the cases that did not reconcile before exchange items were imported and
 * cancelled orders documented), or a simulator mix string.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listDocuments, listGlEntries } from '../src/books/index.ts';
import type { Backend } from '../src/db/index.ts';
import { setUpDemoShop } from '../src/demo/index.ts';
import type { Order } from '../src/domain/order.ts';
import { reconcileOrders, syncDeps, syncOrders, type Finding } from '../src/sync/index.ts';
import { openBenchStore } from './support/bench-store.ts';
import { startEmulatorChild } from './support/emulator-child.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000' },
    backend: { type: 'string', default: 'pglite' },
    mix: { type: 'string', default: 'default' },
  },
});
const orders = Number(values.orders);
if (!Number.isSafeInteger(orders) || orders < 1)
  throw new Error(`--orders: "${values.orders}" is not a positive whole number`);
const backend = values.backend as Backend;
if (!['pglite', 'postgres'].includes(backend))
  throw new Error(`--backend: "${backend}" is not pglite or postgres`);
const mixName = values.mix ?? 'default';
const mixes: Record<string, string | undefined> = {
  default: undefined,
  correct: 'exchange-cheaper=0,exchange-pricier=0,cancel-paid=0',
};
const mix = mixName in mixes ? mixes[mixName] : mixName;

console.log(`seeding ${orders} orders (${mixName} mix) in the emulator process...`);
const shopify = await startEmulatorChild(orders, 'off', mix);
const store = await openBenchStore(backend);
const secretKey = randomBytes(32);
const shopCode = 'BENCH';
try {
  await setUpDemoShop(
    { db: store.db, secretKey },
    { code: shopCode, endpoint: shopify.url, accessToken: shopify.token },
  );
  const deps = syncDeps({ db: store.db, secretKey });
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, round((performance.now() - started) / 1000)];
  };

  const [first, syncSeconds] = await timed(() => syncOrders(deps, shopCode));
  const [report, reconcileSeconds] = await timed(() => reconcileOrders(deps, shopCode));
  const before = await booksCounts();
  const [second, secondSyncSeconds] = await timed(() => syncOrders(deps, shopCode));
  const after = await booksCounts();

  const result = {
    mix: mixName,
    backend,
    orders: report.orders,
    ordersInShopify: shopify.orders,
    importErrors: first.errors.map((e) => `${e.name}: ${e.code}`),
    refunds: report.refunds,
    refundsDecided: first.refunds,
    documentsByType: before.byType,
    differences: report.differences.length,
    differencesByCause: countBy(report.differences, (f) => f.cause),
    differencesByCase: await byCase(report.differences),
    expected: report.expected.length,
    expectedByReason: countBy(report.expected, (f) => f.expected ?? ''),
    expectedByCase: await byCase(report.expected),
    unbalancedPostings: before.unbalanced,
    secondSync: {
      imported: second.imported,
      documentsCreated: after.documents - before.documents,
      newDocuments: after.numbers.filter((n) => !before.numbers.includes(n)),
      glEntriesCreated: after.glEntries - before.glEntries,
      refundsDecided: second.refunds,
    },
    seconds: { sync: syncSeconds, reconcile: reconcileSeconds, secondSync: secondSyncSeconds },
    node: process.version,
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  const folder = resolve(import.meta.dirname, 'results');
  mkdirSync(folder, { recursive: true });
  const label = [mixName === 'default' ? '' : `-${mixName}`, backend === 'pglite' ? '' : `-${backend}`]
    .join('')
    .replace(/[^\w-]+/g, '_');
  writeFileSync(resolve(folder, `reconcile-corpus${label}.json`), JSON.stringify(result, null, 2) + '\n');
} finally {
  await store.close();
  await shopify.stop();
}

/** Documents by type, G/L entries, and documents whose entries do not balance. */
async function booksCounts() {
  const documents = await listDocuments(store.db, { shopCode });
  const entries = await listGlEntries(store.db, { shopCode });
  const balance = new Map<string, number>();
  for (const e of entries)
    balance.set(e.documentNo, (balance.get(e.documentNo) ?? 0) + e.debit.minor - e.credit.minor);
  return {
    documents: documents.length,
    numbers: documents.map((d) => `${d.number ?? '-'} ${d.shopifyOrderName}`),
    byType: countBy(documents, (d) => d.type),
    glEntries: entries.length,
    unbalanced: [...balance.values()].filter((b) => b !== 0).length,
  };
}

/** Differences by the simulator case the order played (its tag), to find the case behind a bug. */
async function byCase(findings: readonly Finding[]): Promise<Record<string, number>> {
  const ids = [...new Set(findings.map((f) => f.shopifyOrderId))];
  if (ids.length === 0) return {};
  const rows = await store.db
    .selectFrom('shopify_orders')
    .select(['shopify_order_id', 'order_data'])
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', 'in', ids)
    .execute();
  const caseOf = new Map(
    rows.map((row) => [
      row.shopify_order_id,
      (row.order_data as Order).tags.find((tag) => tag !== 'simulated') ?? '-',
    ]),
  );
  return countBy(findings, (f) => `${caseOf.get(f.shopifyOrderId) ?? '-'} ${f.expected ?? f.cause}`);
}

function countBy<T>(values: readonly T[], key: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
  return counts;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
