import { readJsonl } from './bulk/read-jsonl.ts';
import { reassembleOrders } from './bulk/reassemble-orders.ts';
import { runBulkQuery, type BulkRunOptions } from './bulk/run-bulk-query.ts';
import type { ShopifyClient } from './client.ts';
import { completeOrder } from './complete-order.ts';
import { changedSinceSearch, type FetchedOrder } from './fetched-order.ts';
import { legacyId } from './ids.ts';
import { mapOrder } from './map/map-order.ts';
import { operationText } from './operations.ts';
import type { OrderNode } from './payload.ts';

/**
 * Orders per OrdersDeepParts request (Default: 10): the fulfilment, refund and return parts of an
 * order are requested at ~93 points (Shopify's documented cost rules), ten stay under the
 * 1,000-point cap.
 */
export const defaultDeepPartsBatch = 10;

export interface ExportOrdersOptions extends BulkRunOptions {
  /** As for fetchChangedOrders; `null` exports every order (the first sync). */
  updatedAfter: string | null;
  /** Orders completed per request (Default: `defaultDeepPartsBatch`). */
  batchSize?: number;
  /** Downloads the result file (Default: global fetch; the file URL needs no token). */
  fetch?: typeof fetch;
}

type DeepParts = Pick<OrderNode, 'id' | 'fulfillmentOrders' | 'fulfillments' | 'refunds' | 'returns'>;

/**
 * Backfill (first sync, `--bulk`): one bulk operation exports the orders with their lines,
 * shipping lines and transactions; the JSONL is streamed line by line and each order rebuilt
 * from its `__parentId` children. What a bulk query cannot hold (connections inside lists or
 * three deep: fulfilment orders' lines, fulfillments, refunds, returns) is read for a batch of
 * orders at a time, then overflows are completed as in the paged read. Yields the same
 * FetchedOrders as fetchChangedOrders, oldest change first.
 */
export async function* exportOrdersInBulk(
  client: ShopifyClient,
  options: ExportOrdersOptions,
): AsyncGenerator<FetchedOrder> {
  const search = changedSinceSearch(options.updatedAfter);
  const query = operationText('BulkOrdersExport').replace(
    'query: "__SEARCH__"',
    `query: ${JSON.stringify(search)}`,
  );
  const url = await runBulkQuery(client, query, options);
  if (url === null) return;
  const batchSize = options.batchSize ?? defaultDeepPartsBatch;
  let batch: OrderNode[] = [];
  for await (const node of reassembleOrders(readJsonl(url, options.fetch))) {
    batch.push(node);
    if (batch.length < batchSize) continue;
    yield* completeBatch(client, batch);
    batch = [];
  }
  if (batch.length > 0) yield* completeBatch(client, batch);
}

async function* completeBatch(client: ShopifyClient, batch: OrderNode[]): AsyncGenerator<FetchedOrder> {
  const { data } = await client.request<{ orders: { nodes: DeepParts[] } }>('OrdersDeepParts', {
    first: batch.length,
    query: batch.map((node) => `id:${legacyId(node.id)}`).join(' OR '),
  });
  const parts = new Map(data.orders.nodes.map((part) => [part.id, part]));
  for (const node of batch) {
    // An order deleted since the export has no parts: it is left out, as Shopify no longer has it.
    const part = parts.get(node.id);
    if (!part) continue;
    const payload = await completeOrder(client, { ...node, ...part });
    yield { order: mapOrder(payload), payload };
  }
}
