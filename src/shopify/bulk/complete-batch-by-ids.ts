import type { ShopifyClient } from '../client.ts';
import type { ConnectionNode, FulfillmentOrderNode, OrderNode, RefundNode } from '../payload.ts';

/**
 * Ids per OrderPartsByIds request, at most (Default: 15 fulfilment orders and 8 holders of
 * overflowing lines): a fulfilment order with its first three lines is requested at ~11 points
 * (an object 1, its location 2, the page 2 + 3 x 2), a refund's six lines and three transactions
 * at ~92 (the dearest holder), so a full request stays at ~900, under the 1,000-point cap.
 */
export const partsPerRequest = { fulfillmentOrders: 15, overflowing: 8 } as const;

const noNextPage = { hasNextPage: false, endCursor: null };

/** The nodes of an order a bulk follow-up may hold: any of them, or none, may be there. */
type OrderParts = Pick<OrderNode, 'id' | 'fulfillmentOrders' | 'fulfillments' | 'refunds'>;

/**
 * After a bulk export's batch read (OrdersDeepParts, OrdersRefunds), what completeOrder would
 * read one request per order and connection, read for the whole batch by id instead (one
 * OrderPartsByIds request for a batch of ordinary size): the fulfilment orders past the first
 * (an order with several; the export listed every id), and each refund's, fulfilment order's and fulfillment's lines (and a refund's transactions) that
 * overflowed their nested page, read again from their start with a larger page. Completes the
 * orders in place; anything still open (a node gone since the export, a page still full) is left
 * for completeOrder, so what an order ends up holding is what completeOrder alone would give it.
 * In the default mix these were ~330 of a 2,000-order backfill's ~450 requests.
 */
export async function completeBatchByIds(
  client: ShopifyClient,
  orders: readonly OrderParts[],
  fulfillmentOrderIds: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<void> {
  const wanted = missingFulfillmentOrders(orders, fulfillmentOrderIds);
  const missing = wanted.flatMap(({ order, ids }) => ids.slice(order.fulfillmentOrders!.nodes.length));
  const overflowing = overflowingHolders(orders);
  const read = await readParts(client, missing, overflowing);
  const added: FulfillmentOrderNode[] = [];
  for (const { order, ids } of wanted) {
    const page = order.fulfillmentOrders!;
    const rest = ids.slice(page.nodes.length).map((id) => read.fulfillmentOrders.get(id));
    // One gone since the export: completeOrder reads the order's fulfilment orders on.
    if (rest.some((node) => node === undefined)) continue;
    added.push(...(rest as FulfillmentOrderNode[]));
    order.fulfillmentOrders = {
      nodes: [...page.nodes, ...(rest as FulfillmentOrderNode[])],
      pageInfo: noNextPage,
    };
  }
  // A fulfilment order just read may overflow its own first page (rare): a second round for those.
  const more = overflowingHolders([{ id: '', fulfillmentOrders: { nodes: added, pageInfo: noNextPage } }]);
  if (more.size > 0) await readParts(client, [], more);
}

function missingFulfillmentOrders(
  orders: readonly OrderParts[],
  idsByOrder: ReadonlyMap<string, readonly string[]>,
): { order: OrderParts; ids: readonly string[] }[] {
  const wanted: { order: OrderParts; ids: readonly string[] }[] = [];
  for (const order of orders) {
    const page = order.fulfillmentOrders;
    const ids = idsByOrder.get(order.id);
    if (!page?.pageInfo.hasNextPage || !ids || ids.length <= page.nodes.length) continue;
    // Only when the page read is the start of what the export listed (else completeOrder reads on).
    if (!page.nodes.every((node, index) => node.id === ids[index])) continue;
    wanted.push({ order, ids });
  }
  return wanted;
}

/** The connections of the three holder kinds that OrderPartsByIds reads again. */
const overflowKeys = ['lineItems', 'fulfillmentLineItems', 'refundLineItems', 'transactions'] as const;
type Holder = Partial<Record<(typeof overflowKeys)[number], ConnectionNode<unknown>>> & { id: string };

/** Fulfilment orders, fulfillments and refunds of the orders with a connection page that overflowed. */
function overflowingHolders(orders: readonly OrderParts[]): Map<string, Holder> {
  const holders = new Map<string, Holder>();
  const consider = (holder: Holder) => {
    if (overflowKeys.some((key) => holder[key]?.pageInfo.hasNextPage)) holders.set(holder.id, holder);
  };
  for (const order of orders) {
    for (const fulfillmentOrder of order.fulfillmentOrders?.nodes ?? []) consider(fulfillmentOrder as Holder);
    for (const fulfillment of order.fulfillments ?? []) consider(fulfillment as Holder);
    for (const refund of order.refunds ?? []) consider(refund as RefundNode as Holder);
  }
  return holders;
}

/**
 * Reads the fulfilment orders by id and the holders' connections again (replaced in place where
 * they had a next page), `partsPerRequest` ids a request. Ids Shopify no longer has are skipped.
 */
async function readParts(
  client: ShopifyClient,
  fulfillmentOrderIds: readonly string[],
  overflowing: ReadonlyMap<string, Holder>,
): Promise<{ fulfillmentOrders: Map<string, FulfillmentOrderNode> }> {
  const fulfillmentOrders = new Map<string, FulfillmentOrderNode>();
  const holderIds = [...overflowing.keys()];
  const { fulfillmentOrders: perOrders, overflowing: perHolders } = partsPerRequest;
  for (
    let round = 0;
    round * perOrders < fulfillmentOrderIds.length || round * perHolders < holderIds.length;
    round++
  ) {
    const { data } = await client.request<{
      fulfillmentOrders: (FulfillmentOrderNode | null)[];
      overflowing: (Holder | null)[];
    }>('OrderPartsByIds', {
      fulfillmentOrderIds: fulfillmentOrderIds.slice(round * perOrders, (round + 1) * perOrders),
      overflowingIds: holderIds.slice(round * perHolders, (round + 1) * perHolders),
    });
    for (const node of data.fulfillmentOrders) if (node?.id) fulfillmentOrders.set(node.id, node);
    for (const fresh of data.overflowing) {
      const holder = fresh?.id ? overflowing.get(fresh.id) : undefined;
      if (!holder) continue;
      for (const key of overflowKeys) {
        if (holder[key]?.pageInfo.hasNextPage && fresh![key]) holder[key] = fresh![key];
      }
    }
  }
  return { fulfillmentOrders };
}
