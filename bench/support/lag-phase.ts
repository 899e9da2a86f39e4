import { sql } from 'kysely';
import { syncWebhookSubscriptions } from '../../src/shops/index.ts';
import type { BenchService } from './bench-service.ts';
import type { EmulatorChild } from './emulator-child.ts';

export interface LagRun {
  /** Live merchant steps per second (new orders and later steps of earlier ones, default mix). */
  stepsPerSecond: number;
  seconds: number;
  orders: number;
  /** Orders whose sales document did not appear within the wait after the run. */
  withoutDocument: number;
  documentTypes: Record<string, number>;
  /** Order createdAt in the emulator -> the document first seen committed by the poller. */
  lagMs: { p50: number; p90: number; p99: number; max: number };
  pollIntervalMs: number;
}

const salesTypes = ['sales_order', 'sales_invoice', 'cash_sale'] as const;
const pollIntervalMs = 20;

/**
 * End-to-end lag: the emulator's live merchant places orders (and moves earlier ones along),
 * its webhooks go to the service, the worker syncs each order. A poller sees each order's
 * first sales document once it is committed; its lag is that moment minus the order's createdAt
 * in the emulator (one machine, one clock).
 */
export async function runLag(
  running: BenchService,
  emulator: EmulatorChild,
  input: { stepsPerSecond: number; seconds: number; settleSeconds: number },
): Promise<LagRun> {
  const { db } = running.context.store;
  await syncWebhookSubscriptions({ db, secretKey: running.context.secretKey }, running.shopCode, {
    publicUrl: running.service.address,
  });
  const seen = new Map<string, { at: number; type: string }>();
  // Every document since the run began, each poll: on PostgreSQL, workers commit side by side, so
  // ids commit out of order and "ids above the last seen" would skip one committed late.
  const firstId = await maxDocumentId(running);
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const rows = await db
        .selectFrom('documents')
        .select(['id', 'shopify_order_id', 'type'])
        .where('id', '>', firstId)
        .where('type', 'in', salesTypes)
        .orderBy('id')
        .execute();
      const at = Date.now();
      for (const row of rows) {
        const orderId = legacy(row.shopify_order_id);
        if (!seen.has(orderId)) seen.set(orderId, { at, type: row.type });
      }
      await new Promise((r) => setTimeout(r, pollIntervalMs));
    }
  })();

  const startedAt = new Date();
  await control(emulator, { rate: input.stepsPerSecond });
  await new Promise((r) => setTimeout(r, input.seconds * 1000));
  await control(emulator, { rate: 0 });
  const orders = await ordersSince(emulator, startedAt);
  const deadline = Date.now() + input.settleSeconds * 1000;
  while (Date.now() < deadline && orders.some((order) => !seen.has(order.id)))
    await new Promise((r) => setTimeout(r, 100));
  polling = false;
  await poller;

  const lags: number[] = [];
  const documentTypes: Record<string, number> = {};
  for (const order of orders) {
    const document = seen.get(order.id);
    if (!document) continue;
    lags.push(document.at - Date.parse(order.createdAt));
    documentTypes[document.type] = (documentTypes[document.type] ?? 0) + 1;
  }
  lags.sort((a, b) => a - b);
  const at = (q: number) => lags[Math.max(0, Math.ceil(q * lags.length) - 1)] ?? NaN;
  return {
    stepsPerSecond: input.stepsPerSecond,
    seconds: input.seconds,
    orders: orders.length,
    withoutDocument: orders.length - lags.length,
    documentTypes,
    lagMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: lags.at(-1) ?? NaN },
    pollIntervalMs,
  };
}

async function maxDocumentId(running: BenchService): Promise<number> {
  const { rows } = await sql<{ id: number | null }>`select max(id) as id from documents`.execute(
    running.context.store.db,
  );
  return Number(rows[0]?.id ?? 0);
}

/** `gid://shopify/Order/123` or `123` -> `123`. */
function legacy(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

async function control(emulator: EmulatorChild, body: object): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/live`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator live mode: HTTP ${response.status}`);
}

/** The orders the live merchant placed since `since`, with createdAt to the millisecond. */
async function ordersSince(
  emulator: EmulatorChild,
  since: Date,
): Promise<{ id: string; createdAt: string }[]> {
  const found: { id: string; createdAt: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(`${emulator.url}/admin/api/2025-01/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': emulator.token },
      body: JSON.stringify({
        query: `query ($after: String) { orders(first: 250, after: $after) {
          nodes { legacyResourceId createdAt } pageInfo { hasNextPage endCursor } } }`,
        variables: { after },
      }),
    });
    const page = ((await response.json()) as { data: { orders: OrdersPage } }).data.orders;
    for (const node of page.nodes)
      if (Date.parse(node.createdAt) >= since.getTime())
        found.push({ id: node.legacyResourceId, createdAt: node.createdAt });
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

interface OrdersPage {
  nodes: { legacyResourceId: string; createdAt: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}
