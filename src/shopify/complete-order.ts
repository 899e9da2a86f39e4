import type { ShopifyClient } from './client.ts';
import { ShopifyQueryError } from './errors.ts';
import type { OperationName } from './operations.ts';
import type {
  ConnectionNode,
  FulfillmentNode,
  FulfillmentOrderNode,
  OrderNode,
  RefundNode,
  ReturnNode,
  TransactionNode,
} from './payload.ts';

/**
 * How many items the order fragments ask for in Shopify's plain lists (not connections: no
 * pageInfo). A list that comes back this full may hold more, and is read again whole.
 * Kept equal to the `first:` in graphql/fragments/OrderFields.graphql and OrdersDeepParts.graphql
 * (a test checks).
 */
export const listLimits = { transactions: 5, fulfillments: 3, refunds: 2 } as const;

type Holder = Record<string, unknown>;

/**
 * Completes one order whose children overflowed the nested pages of a page query (more lines,
 * fulfillment orders, refunds... than an ordinary order has): follow-up queries for this order
 * only, one connection at a time, until nothing has a next page. A connection missing from the
 * payload (the parts a bulk export cannot hold) is read from its start. Completes the node in
 * place and returns it: every caller owns the node it has just read (a copy per order cost more
 * than mapping it).
 */
export async function completeOrder(client: ShopifyClient, order: OrderNode): Promise<OrderNode> {
  const orderVars = { id: order.id };
  await fill(client, order, 'lineItems', 'OrderLineItems', orderVars, (d) => d.order);
  await fill(client, order, 'shippingLines', 'OrderShippingLines', orderVars, (d) => d.order);
  await fill(client, order, 'fulfillmentOrders', 'OrderFulfillmentOrders', orderVars, (d) => d.order);
  await fill(client, order, 'returns', 'OrderReturns', orderVars, (d) => d.order);
  await completeLists(client, order);
  for (const fulfillmentOrder of order.fulfillmentOrders?.nodes ?? []) {
    await completeFulfillmentOrder(client, fulfillmentOrder);
  }
  for (const fulfillment of order.fulfillments ?? []) await completeFulfillment(client, fulfillment);
  for (const refund of order.refunds ?? []) await completeRefund(client, refund);
  for (const ret of order.returns?.nodes ?? []) await completeReturn(client, ret);
  return order;
}

async function completeLists(client: ShopifyClient, order: OrderNode): Promise<void> {
  const vars = { id: order.id };
  if (!order.transactions || order.transactions.length >= listLimits.transactions) {
    const { data } = await client.request<{ order: { transactions: TransactionNode[] } }>(
      'OrderTransactions',
      vars,
    );
    order.transactions = data.order.transactions;
  }
  if (!order.fulfillments || order.fulfillments.length >= listLimits.fulfillments) {
    const { data } = await client.request<{ order: { fulfillments: { id: string }[] } }>(
      'OrderFulfillmentIds',
      vars,
    );
    order.fulfillments = await readMissing(order.fulfillments ?? [], data.order.fulfillments, (id) =>
      client
        .request<{ node: FulfillmentNode | null }>('FulfillmentById', { id })
        .then(({ data: found }) => found.node),
    );
  }
  if (!order.refunds || order.refunds.length >= listLimits.refunds) {
    const { data } = await client.request<{ order: { refunds: { id: string }[] } }>('OrderRefundIds', vars);
    order.refunds = await readMissing(order.refunds ?? [], data.order.refunds, (id) =>
      client
        .request<{ refund: RefundNode | null }>('RefundById', { id })
        .then(({ data: found }) => found.refund),
    );
  }
}

/** The list in Shopify's order: items already read are kept, the others read by id. */
async function readMissing<T extends { id: string }>(
  known: readonly T[],
  ids: readonly { id: string }[],
  read: (id: string) => Promise<T | null>,
): Promise<T[]> {
  const byId = new Map(known.map((item) => [item.id, item]));
  const out: T[] = [];
  for (const { id } of ids) {
    const item = byId.get(id) ?? (await read(id));
    if (item) out.push(item);
  }
  return out;
}

async function completeFulfillmentOrder(client: ShopifyClient, node: FulfillmentOrderNode) {
  await fill(
    client,
    node,
    'lineItems',
    'FulfillmentOrderLineItems',
    { id: node.id },
    (d) => d.fulfillmentOrder,
  );
}

async function completeFulfillment(client: ShopifyClient, node: FulfillmentNode) {
  await fill(client, node, 'fulfillmentLineItems', 'FulfillmentLineItems', { id: node.id }, (d) => d.node);
}

async function completeRefund(client: ShopifyClient, node: RefundNode) {
  const vars = { id: node.id };
  await fill(client, node, 'refundLineItems', 'RefundLineItems', vars, (d) => d.refund);
  await fill(client, node, 'refundShippingLines', 'RefundShippingLines', vars, (d) => d.refund);
  await fill(client, node, 'orderAdjustments', 'RefundAdjustments', vars, (d) => d.refund);
  await fill(client, node, 'transactions', 'RefundTransactions', vars, (d) => d.refund);
}

async function completeReturn(client: ShopifyClient, node: ReturnNode) {
  await fill(client, node, 'returnLineItems', 'ReturnLineItems', { id: node.id }, (d) => d.return);
  await fill(client, node, 'exchangeLineItems', 'ReturnExchangeLineItems', { id: node.id }, (d) => d.return);
}

/**
 * Reads the rest of one connection of `holder` with `operation` (variables `id` and `after`),
 * appending pages until Shopify says there is no next page.
 */
async function fill(
  client: ShopifyClient,
  holder: object,
  key: string,
  operation: OperationName,
  vars: { id: string },
  parent: (data: Record<string, Holder | null>) => Holder | null | undefined,
): Promise<void> {
  const target = holder as Holder;
  let connection = target[key] as ConnectionNode<unknown> | undefined;
  if (connection && !connection.pageInfo.hasNextPage) return;
  const nodes = connection ? [...connection.nodes] : [];
  let after = connection ? connection.pageInfo.endCursor : null;
  do {
    const { data } = await client.request<Record<string, Holder | null>>(operation, { ...vars, after });
    const page = parent(data)?.[key] as ConnectionNode<unknown> | undefined;
    if (!page)
      throw new ShopifyQueryError(`${operation} returned no ${key} for ${vars.id} (deleted meanwhile?)`, []);
    nodes.push(...page.nodes);
    connection = { nodes, pageInfo: page.pageInfo };
    after = page.pageInfo.endCursor;
  } while (connection.pageInfo.hasNextPage);
  target[key] = connection;
}
