import { afterEach, describe, expect, it } from 'vitest';
import { seedOrders } from '../support/seed-orders.ts';
import { startHarness, type Harness } from '../http/harness.ts';

const ordersWithLines = `{ orders { edges { node { id name lineItems { edges { node { id sku quantity } } } } } } }`;
const runQuery = `mutation ($query: String!) {
  bulkOperationRunQuery(query: $query) { bulkOperation { id status type query } userErrors { field message code } }
}`;
const readOperation = `query ($id: ID!) { node(id: $id) { ... on BulkOperation {
  id status errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt } } }`;

interface Operation {
  id: string;
  status: string;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
}

let h: Harness;
afterEach(() => h.emulator.close());

async function exportOrders(orders: number) {
  h = await startHarness({ throttle: 'off' });
  seedOrders(h.emulator.state, orders);
  const run = await h.gql<{ bulkOperationRunQuery: { bulkOperation: { id: string; status: string } } }>(
    runQuery,
    {
      query: ordersWithLines,
    },
  );
  expect(run.data.bulkOperationRunQuery.bulkOperation.status).toBe('CREATED');
  await h.emulator.bulk.idle();
  const read = await h.gql<{ node: Operation }>(readOperation, {
    id: run.data.bulkOperationRunQuery.bulkOperation.id,
  });
  const operation = read.data.node;
  const download = await fetch(operation.url!);
  const lines = (await download.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { id: string; sku?: string; __parentId?: string });
  return { operation, lines, download };
}

/** Checks every child line follows its parent (Shopify writes children after their parent). */
function childrenFollowParents(lines: { id: string; __parentId?: string }[]): boolean {
  let parent: string | null = null;
  return lines.every((line) => {
    if (line.__parentId === undefined) parent = line.id;
    return line.__parentId === undefined || line.__parentId === parent;
  });
}

describe('bulk query export over HTTP', () => {
  it('exports a modest shop as JSONL that parses back to the same counts, children after parents', async () => {
    const { operation, lines, download } = await exportOrders(30);
    const state = h.emulator.state.data;
    const lineItems = state.orders.reduce((sum, order) => sum + order.lineItems.length, 0);
    expect(download.headers.get('content-type')).toBe('application/jsonl');
    expect(operation).toMatchObject({
      status: 'COMPLETED',
      rootObjectCount: '30',
      objectCount: String(30 + lineItems),
      fileSize: String(Buffer.byteLength(lines.map((l) => `${JSON.stringify(l)}\n`).join(''))),
    });
    expect(lines.filter((line) => line.__parentId === undefined).map((line) => line.id)).toEqual(
      state.orders.map((order) => `gid://shopify/Order/${order.id}`),
    );
    expect(lines.filter((line) => line.__parentId !== undefined)).toHaveLength(lineItems);
    expect(childrenFollowParents(lines)).toBe(true);
    expect(lines[1]).toEqual({
      id: `gid://shopify/LineItem/${state.orders[0]!.lineItems[0]!.id}`,
      sku: state.orders[0]!.lineItems[0]!.sku,
      quantity: state.orders[0]!.lineItems[0]!.quantity,
      __parentId: `gid://shopify/Order/${state.orders[0]!.id}`,
    });
  });

  it('exports 2,000 orders with their line items (CI-sized; the 100k run is bench/emulator-bulk.ts)', async () => {
    const { operation, lines } = await exportOrders(2_000);
    const lineItems = h.emulator.state.data.orders.reduce((sum, order) => sum + order.lineItems.length, 0);
    expect(operation.rootObjectCount).toBe('2000');
    expect(lines.filter((line) => line.__parentId === undefined)).toHaveLength(2_000);
    expect(lines).toHaveLength(2_000 + lineItems);
    expect(childrenFollowParents(lines)).toBe(true);
  });

  it('announces bulk_operations/finish on the event bus in the webhook shape', async () => {
    h = await startHarness({ throttle: 'off' });
    const finished: unknown[] = [];
    h.emulator.events.on('bulk_operations/finish', (payload) => finished.push(payload));
    const { operation } = h.emulator.bulk.runQuery('{ orders { edges { node { id } } } }');
    await h.emulator.bulk.idle();
    expect(finished).toEqual([
      {
        admin_graphql_api_id: `gid://shopify/BulkOperation/${operation!.id}`,
        completed_at: '2025-03-01T05:00:00-05:00',
        created_at: '2025-03-01T05:00:00-05:00',
        error_code: null,
        status: 'completed',
        type: 'query',
      },
    ]);
    // Nothing to export: no file, as Shopify.
    expect(operation).toMatchObject({ status: 'COMPLETED', objectCount: 0, url: null, fileSize: null });
  });
});

describe('bulk operation lifecycle', () => {
  it('runs one query operation at a time, with Shopify userError', async () => {
    h = await startHarness({ throttle: 'off', seed: { kind: 'demo', orders: 3 } });
    const twice = await h.gql<
      Record<string, { bulkOperation: { id: string } | null; userErrors: unknown[] }>
    >(
      `mutation ($q: String!) {
        first: bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { field message code } }
        second: bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { field message code } }
      }`,
      { q: ordersWithLines },
    );
    const id = twice.data.first!.bulkOperation!.id;
    expect(twice.data.second).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: `A bulk query operation for this app and shop is already in progress: ${id}.`,
          code: 'OPERATION_IN_PROGRESS',
        },
      ],
    });
    await h.emulator.bulk.idle();
    const current = await h.gql<{ currentBulkOperation: { id: string; status: string } }>(
      '{ currentBulkOperation { id status } }',
    );
    expect(current.data.currentBulkOperation).toEqual({ id, status: 'COMPLETED' });
  });

  it('cancels a running operation (CANCELING, then CANCELED) and refuses to cancel a finished one', async () => {
    h = await startHarness({ throttle: 'off', seed: { kind: 'demo', orders: 3 } });
    const cancel = `mutation ($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { field message } } }`;
    // Run and cancel in one document: mutations run in order, before the export starts.
    const id = 'gid://shopify/BulkOperation/1';
    const canceling = await h.gql<Record<string, unknown>>(
      `mutation ($q: String!, $id: ID!) {
        run: bulkOperationRunQuery(query: $q) { bulkOperation { id } }
        cancel: bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { field message } }
      }`,
      { q: ordersWithLines, id },
    );
    expect(canceling.data).toEqual({
      run: { bulkOperation: { id } },
      cancel: { bulkOperation: { status: 'CANCELING' }, userErrors: [] },
    });
    await h.emulator.bulk.idle();
    const again = await h.gql<{ bulkOperationCancel: unknown }>(cancel, { id });
    expect(again.data.bulkOperationCancel).toEqual({
      bulkOperation: { status: 'CANCELED' },
      userErrors: [{ field: null, message: 'A bulk operation cannot be canceled when it is canceled' }],
    });
    const missing = await h.gql<{ bulkOperationCancel: unknown }>(cancel, {
      id: 'gid://shopify/BulkOperation/999',
    });
    expect(missing.data.bulkOperationCancel).toEqual({
      bulkOperation: null,
      userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }],
    });
  });

  it.each([
    {
      name: 'nodes instead of edges',
      query: '{ orders { nodes { id } } }',
      message:
        "All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'products { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'orders'.",
    },
    {
      name: 'three levels of connections',
      query:
        '{ customers { edges { node { id orders { edges { node { id lineItems { edges { node { id } } } } } } } } } }',
      message: 'Bulk queries cannot contain connections with a nesting depth greater than 2.',
    },
    {
      name: 'six connections',
      query:
        '{ orders { edges { node { id lineItems { edges { node { id } } } a: lineItems { edges { node { id } } } b: lineItems { edges { node { id } } } c: lineItems { edges { node { id } } } d: lineItems { edges { node { id } } } } } } }',
      message: 'Bulk queries cannot contain more than 5 connections.',
    },
    {
      name: 'nested connection under a node without id',
      query: '{ orders { edges { node { name lineItems { edges { node { id } } } } } } }',
      message:
        "The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': orders.",
    },
    {
      name: 'connection inside a list',
      query: '{ orders { edges { node { id refunds { refundLineItems { edges { node { id } } } } } } } }',
      message: 'Queries that contain a connection field within a list field are not currently supported.',
    },
    {
      name: 'no connection',
      query: '{ shop { id } }',
      message: 'Bulk queries must contain at least one connection.',
    },
    {
      name: 'a mutation',
      query: 'mutation { orderClose(input: { id: "gid://shopify/Order/1" }) { userErrors { message } } }',
      message: 'Invalid operation type. Only `query` operations are supported.',
    },
    { name: 'empty', query: '', message: 'Invalid bulk query: syntax error, unexpected end of file' },
  ])('refuses $name with Shopify message', async ({ query, message }) => {
    h = await startHarness({ throttle: 'off' });
    const run = await h.gql<{ bulkOperationRunQuery: unknown }>(runQuery, { query });
    expect(run.data.bulkOperationRunQuery).toEqual({
      bulkOperation: null,
      userErrors: [{ field: ['query'], message, code: 'INVALID' }],
    });
  });

  it('refuses a top-level node with both of Shopify messages', async () => {
    h = await startHarness({ throttle: 'off' });
    const run = await h.gql<{ bulkOperationRunQuery: { userErrors: { message: string }[] } }>(runQuery, {
      query: '{ node(id: "gid://shopify/Order/1") { id } }',
    });
    expect(run.data.bulkOperationRunQuery.userErrors.map((e) => e.message)).toEqual([
      'Bulk queries cannot contain a top level `node` field.',
      'Bulk queries must contain at least one connection.',
    ]);
  });

  it('serves no file for an unknown operation', async () => {
    h = await startHarness();
    expect((await fetch(`${h.emulator.url}/__emulator/bulk/12345.jsonl`)).status).toBe(404);
  });
});
