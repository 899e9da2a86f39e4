import { completeBatchByIds } from './bulk/complete-batch-by-ids.ts';
import { readJsonl } from './bulk/read-jsonl.ts';
import { reassembleOrders } from './bulk/reassemble-orders.ts';
import { runBulkQuery, type BulkRunOptions } from './bulk/run-bulk-query.ts';
import type { ShopifyClient } from './client.ts';
import { completeOrder } from './complete-order.ts';
import { changedSinceSearch, type FetchedOrder } from './fetched-order.ts';
import { legacyId } from './ids.ts';
import { mapOrder } from './map/map-order.ts';
import { operationText } from './operations.ts';
import type { ConnectionNode, FulfillmentNode, OrderNode, RefundNode } from './payload.ts';

/**
 * Orders per OrdersDeepParts request (Default: 10): the fulfilment, refund and return parts of an
 * order are requested at ~93 points (Shopify's documented cost rules), ten stay under the
 * 1,000-point cap.
 */
export const defaultDeepPartsBatch = 10;

/**
 * Orders per OrdersRefunds request (Default: 16): one refund with its first lines, shipping line,
 * adjustment and transaction is requested at ~60 points (objects 1, connections 2 + first x node,
 * a MoneyBag 3), so sixteen stay under the 1,000-point cap with room to spare.
 */
export const defaultRefundsBatch = 16;

export interface ExportOrdersOptions extends BulkRunOptions {
  /** As for fetchChangedOrders; `null` exports every order (the first sync). */
  updatedAfter: string | null;
  /** Orders completed per OrdersDeepParts request (Default: `defaultDeepPartsBatch`). */
  batchSize?: number;
  /** Orders per OrdersRefunds request (Default: `defaultRefundsBatch`). */
  refundsBatchSize?: number;
  /** Follow-up reads in flight at once (Default: `defaultReadsInFlight`). */
  readsInFlight?: number;
  /** Downloads the result file (Default: global fetch; the file URL needs no token). */
  fetch?: typeof fetch;
}

type DeepParts = Pick<OrderNode, 'id' | 'fulfillmentOrders' | 'fulfillments' | 'refunds' | 'returns'>;

/** An order as BulkOrdersExport returns it: the parts a bulk query cannot hold are still missing. */
interface BulkOrderNode extends Omit<OrderNode, 'returns'> {
  edited: boolean;
  fulfillments: (FulfillmentNode & { totalQuantity?: number })[];
  /** Ids only (a refund's lines are a connection inside this list). */
  refunds: RefundNode[];
  /** Ids only (return lines would be a third level). */
  returns: ConnectionNode<{ id: string }>;
}

const noNextPage = { hasNextPage: false, endCursor: null };

/**
 * Backfill (first sync, or many changed orders): one bulk operation exports the orders with their
 * lines, shipping lines, transactions, fulfilment order and fulfillment headers, refund and
 * return ids; the JSONL is streamed line by line and each order rebuilt from its `__parentId`
 * children. What a bulk query cannot hold is then had as cheaply as the order allows:
 * - an ordinary order (not edited or cancelled, one fulfilment order, at most one successful
 *   fulfillment) gets its fulfilment order lines and fulfillment lines derived from its line
 *   items (remaining = unfulfilledQuantity; fulfilled = quantity - unfulfilled - units a
 *   `cancel` restock took off fulfilment), checked against Fulfillment.totalQuantity: no request;
 * - its refunds, when it has any, are read for a batch of orders at a time (OrdersRefunds);
 * - any other order (returns, edits, several fulfilments, a failed check) is read whole
 *   (OrdersDeepParts, a batch at a time), as before.
 * Overflows are completed as in the paged read. Yields the same FetchedOrders as
 * fetchChangedOrders; not sorted (orders needing a read come when their batch is full).
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
  const deepBatch = options.batchSize ?? defaultDeepPartsBatch;
  const refundsBatch = options.refundsBatchSize ?? defaultRefundsBatch;
  const reads = new ReadsInFlight(options.readsInFlight ?? defaultReadsInFlight);
  let deep: BulkOrderNode[] = [];
  let refunded: BulkOrderNode[] = [];
  for await (const reassembled of reassembleOrders(readJsonl(url, options.fetch))) {
    const node = reassembled as unknown as BulkOrderNode;
    if (!mayDerive(node) || node.returns.nodes.length > 0) {
      deep.push(node);
      if (deep.length >= deepBatch) {
        yield* await reads.add(collect(completeDeep(client, deep)));
        deep = [];
      }
    } else if (node.refunds.length > 0) {
      refunded.push(node);
      if (refunded.length >= refundsBatch) {
        yield* await reads.add(collect(completeRefunded(client, refunded)));
        refunded = [];
      }
    } else {
      yield await finish(client, node);
    }
    yield* reads.done();
  }
  if (refunded.length > 0) yield* await reads.add(collect(completeRefunded(client, refunded)));
  if (deep.length > 0) yield* await reads.add(collect(completeDeep(client, deep)));
  yield* await reads.all();
}

/**
 * Follow-up reads in flight at once (Default: 4). The export's file streams on while Shopify
 * answers them, so a backfill waits about as long as the slower of the two, not their sum; the
 * throttle governor still paces every request.
 */
export const defaultReadsInFlight = 4;

/** Batches of follow-up reads, at most `limit` unanswered; their orders are handed on as each completes. */
class ReadsInFlight {
  readonly #pending: { read: Promise<FetchedOrder[]>; answered: FetchedOrder[] | null }[] = [];
  constructor(readonly limit: number) {}

  /** Starts a read; when `limit` are unanswered, waits for the oldest and returns what is answered. */
  async add(read: Promise<FetchedOrder[]>): Promise<FetchedOrder[]> {
    const entry: { read: Promise<FetchedOrder[]>; answered: FetchedOrder[] | null } = {
      read,
      answered: null,
    };
    read.then((orders) => (entry.answered = orders)).catch(() => undefined);
    this.#pending.push(entry);
    if (this.#pending.length > this.limit) await this.#pending[0]!.read;
    return this.done();
  }

  /** The orders of reads answered so far, oldest read first (a failed read throws here). */
  done(): FetchedOrder[] {
    const orders: FetchedOrder[] = [];
    while (this.#pending[0]?.answered) orders.push(...this.#pending.shift()!.answered!);
    return orders;
  }

  async all(): Promise<FetchedOrder[]> {
    const orders: FetchedOrder[] = [];
    for (const entry of this.#pending.splice(0)) orders.push(...(await entry.read));
    return orders;
  }
}

async function collect(orders: AsyncGenerator<FetchedOrder>): Promise<FetchedOrder[]> {
  const collected: FetchedOrder[] = [];
  for await (const order of orders) collected.push(order);
  return collected;
}

/** Whether the bulk data can stand for the fulfilment lines (checked again in `deriveLines`). */
function mayDerive(node: BulkOrderNode): boolean {
  return (
    !node.edited &&
    node.cancelledAt === null &&
    node.fulfillmentOrders?.nodes.length === 1 &&
    node.fulfillments.length <= 1 &&
    node.fulfillments.every((fulfillment) => fulfillment.status === 'SUCCESS')
  );
}

/**
 * Sets the fulfilment order's lines and the fulfillment's lines from the line items, when the
 * order allows it (`mayDerive`, refunds complete) and the fulfilled units add up to what Shopify
 * says the fulfillment holds. Returns false, changing nothing, otherwise.
 */
function deriveLines(node: BulkOrderNode): boolean {
  if (!mayDerive(node) || node.lineItems?.pageInfo.hasNextPage) return false;
  const offFulfilment = new Map<string, number>();
  for (const refund of node.refunds) {
    if (!refund.refundLineItems || refund.refundLineItems.pageInfo.hasNextPage) return false;
    for (const line of refund.refundLineItems.nodes) {
      if (line.restockType !== 'CANCEL' && line.restockType !== 'LEGACY_RESTOCK') continue;
      const id = line.lineItem?.id;
      if (!id) return false;
      offFulfilment.set(id, (offFulfilment.get(id) ?? 0) + line.quantity);
    }
  }
  const lines = (node.lineItems?.nodes ?? []).map((line) => ({
    id: line.id,
    remaining: line.unfulfilledQuantity,
    fulfilled: line.quantity - line.unfulfilledQuantity - (offFulfilment.get(line.id) ?? 0),
  }));
  if (lines.some((line) => line.fulfilled < 0)) return false;
  const fulfilled = lines.reduce((sum, line) => sum + line.fulfilled, 0);
  const [fulfillment] = node.fulfillments;
  if (fulfilled !== (fulfillment?.totalQuantity ?? 0)) return false;
  const fulfillmentOrder = node.fulfillmentOrders!.nodes[0]!;
  fulfillmentOrder.lineItems = {
    nodes: lines.map((line) => ({ remainingQuantity: line.remaining, lineItem: { id: line.id } })),
    pageInfo: noNextPage,
  };
  if (fulfillment) {
    delete fulfillment.totalQuantity;
    fulfillment.fulfillmentLineItems = {
      nodes: lines
        .filter((line) => line.fulfilled > 0)
        .map((line) => ({ quantity: line.fulfilled, lineItem: { id: line.id } })),
      pageInfo: noNextPage,
    };
  }
  return true;
}

/**
 * The order in the page query's shape: bulk-only fields dropped, parts that could not be derived
 * left missing so that completeOrder reads them (for this order only).
 */
async function finish(client: ShopifyClient, node: BulkOrderNode): Promise<FetchedOrder> {
  const derived = deriveLines(node);
  const { edited: _edited, ...order } = node;
  const payload: OrderNode = { ...order, returns: { nodes: [], pageInfo: noNextPage } };
  if (!derived) {
    delete payload.fulfillmentOrders;
    delete payload.fulfillments;
  }
  const completed = await completeOrder(client, payload);
  return { order: mapOrder(completed), payload: completed };
}

/** Orders with refunds (and nothing else to read): their refunds, a batch at a time. */
async function* completeRefunded(
  client: ShopifyClient,
  batch: BulkOrderNode[],
): AsyncGenerator<FetchedOrder> {
  const { data } = await client.request<{ orders: { nodes: Pick<OrderNode, 'id' | 'refunds'>[] } }>(
    'OrdersRefunds',
    { first: batch.length, query: idSearch(batch) },
  );
  const read = new Map(data.orders.nodes.map((part) => [part.id, part.refunds ?? []]));
  const withRefunds: BulkOrderNode[] = [];
  for (const node of batch) {
    // An order deleted since the export has no parts: it is left out, as Shopify no longer has it.
    const refunds = read.get(node.id);
    if (!refunds) continue;
    const byId = new Map(refunds.map((refund) => [refund.id, refund]));
    const all: RefundNode[] = [];
    for (const { id } of node.refunds) {
      const refund = byId.get(id) ?? (await refundById(client, id));
      if (refund) all.push(refund);
    }
    // Refunds created since the export are left for the next sync (the order's updatedAt moved).
    withRefunds.push({ ...node, refunds: all });
  }
  // Refund lines past the first page, for the batch at once (deriveLines needs them whole).
  await completeBatchByIds(client, withRefunds);
  for (const node of withRefunds) yield await finish(client, node);
}

async function refundById(client: ShopifyClient, id: string): Promise<RefundNode | null> {
  const { data } = await client.request<{ refund: RefundNode | null }>('RefundById', { id });
  return data.refund;
}

/** Any other order: its fulfilment, refund and return parts read whole, a batch at a time. */
async function* completeDeep(client: ShopifyClient, batch: BulkOrderNode[]): AsyncGenerator<FetchedOrder> {
  const { data } = await client.request<{ orders: { nodes: DeepParts[] } }>('OrdersDeepParts', {
    first: batch.length,
    query: idSearch(batch),
  });
  const parts = new Map(data.orders.nodes.map((part) => [part.id, part]));
  const orders: OrderNode[] = [];
  const fulfillmentOrderIds = new Map<string, string[]>();
  for (const node of batch) {
    const part = parts.get(node.id);
    if (!part) continue;
    const { edited: _edited, returns: _ids, ...order } = node;
    orders.push({ ...order, ...part });
    const listed = node.fulfillmentOrders?.nodes.map((fulfillmentOrder) => fulfillmentOrder.id);
    if (listed) fulfillmentOrderIds.set(node.id, listed);
  }
  await completeBatchByIds(client, orders, fulfillmentOrderIds);
  for (const order of orders) {
    const payload = await completeOrder(client, order);
    yield { order: mapOrder(payload), payload };
  }
}

function idSearch(batch: readonly { id: string }[]): string {
  return batch.map((node) => `id:${legacyId(node.id)}`).join(' OR ');
}
