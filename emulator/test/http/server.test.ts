import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_TOKEN_BODY, type LogEntry } from '../../src/index.ts';
import { startHarness, VERSION, type Harness } from './harness.ts';
import { createOrder } from './orders.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: { kind: 'demo', orders: 2 } });
});
afterAll(() => h.emulator.close());

const graphqlPath = `/admin/api/${VERSION}/graphql.json`;
const post = (body: unknown, init: { token?: string | null; path?: string } = {}) =>
  h.raw(init.path ?? graphqlPath, { method: 'POST', body: JSON.stringify(body), token: init.token });

describe('HTTP surface', () => {
  it('refuses a missing or wrong access token with Shopify 401 body', async () => {
    for (const token of [null, 'shpat_wrong']) {
      const response = await post({ query: '{ shop { name } }' }, { token });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(INVALID_TOKEN_BODY);
    }
  });

  it('accepts any YYYY-MM or unstable version, 404 for anything else', async () => {
    for (const version of ['2024-10', '2025-01', 'unstable']) {
      const response = await post(
        { query: '{ shop { name } }' },
        { path: `/admin/api/${version}/graphql.json` },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('x-shopify-api-version')).toBe(version);
    }
    for (const version of ['2025-13', 'latest', '25-01']) {
      const response = await post(
        { query: '{ shop { name } }' },
        { path: `/admin/api/${version}/graphql.json` },
      );
      expect(response.status).toBe(404);
    }
  });

  it('returns extensions.cost, charged to the Standard bucket', async () => {
    await h.raw('/__emulator/throttle', { method: 'POST', body: JSON.stringify({ reset: true }) });
    const response = await post({ query: '{ orders(first: 5) { nodes { id } } }' });
    const body = (await response.json()) as { extensions: { cost: Record<string, unknown> } };
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 7,
      actualQueryCost: 4,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1996, restoreRate: 100 },
    });
  });

  it('serves REST through the REST router on the same token', async () => {
    const response = await h.raw(`/admin/api/${VERSION}/orders.json?status=any`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { orders: unknown[] };
    expect(body.orders.length).toBeGreaterThanOrEqual(2);
  });

  it('logs every API call with operation, costs and status; resets the log', async () => {
    await h.raw('/__emulator/log/reset', { method: 'POST' });
    await post({ query: 'query Shop { shop { name } }', operationName: 'Shop' });
    await post({
      query: 'mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["x"]) { userErrors { message } } }',
    });
    await h.raw(`/admin/api/${VERSION}/orders/count.json`);
    await post({ query: '{ shop { nope } }' });
    const log = (await (await h.raw('/__emulator/log')).json()) as LogEntry[];
    expect(log.map((e) => [e.api, e.operation, e.status, e.requestedCost])).toEqual([
      ['graphql', 'query Shop', 200, 1],
      ['graphql', 'mutation', 200, 10],
      ['rest', 'GET orders/count.json', 200, null],
      ['graphql', 'invalid', 200, null],
    ]);
    expect(log[0]).toMatchObject({ method: 'POST', path: graphqlPath, version: VERSION, actualCost: 1 });
    await h.raw('/__emulator/log/reset', { method: 'POST' });
    expect(await (await h.raw('/__emulator/log')).json()).toEqual([]);
  });

  it('POST /__emulator/reset empties the shop', async () => {
    await h.raw('/__emulator/reset', { method: 'POST' });
    const response = await post({
      query: '{ orders(first: 5) { nodes { id } } locations(first: 5) { nodes { id } } }',
    });
    const body = (await response.json()) as {
      data: { orders: { nodes: unknown[] }; locations: { nodes: unknown[] } };
    };
    expect(body.data.orders.nodes).toEqual([]);
    expect(body.data.locations.nodes).toEqual([]);
    expect((await h.raw('/__emulator/nope', { method: 'POST' })).status).toBe(404);
  });
});

describe('state persistence', () => {
  it('saves after each mutating call and loads the shop back at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
    try {
      const first = await startHarness({ stateDir: dir, seed: { kind: 'demo', orders: 0 } });
      const orderId = await createOrder(first);
      await first.emulator.close();
      expect(readdirSync(dir)).toEqual(['shop.json']);
      const second = await startHarness({ stateDir: dir });
      const read = await second.gql<{ order: { name: string; lineItems: { nodes: { sku: string }[] } } }>(
        `query ($id: ID!) { order(id: $id) { name lineItems(first: 5) { nodes { sku } } } }`,
        { id: orderId },
      );
      expect(read.data.order).toEqual({
        name: '#1001',
        lineItems: { nodes: [{ sku: 'SB-TEE' }, { sku: 'SB-MUG' }] },
      });
      await second.emulator.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GraphQL transports', () => {
  it('accepts GET ?query= and application/graphql bodies like Shopify', async () => {
    const get = await h.raw(`${graphqlPath}?query=${encodeURIComponent('{ shop { currencyCode } }')}`);
    expect(((await get.json()) as { data: unknown }).data).toEqual({ shop: { currencyCode: 'USD' } });
    const raw = await h.raw(graphqlPath, {
      method: 'POST',
      body: '{ shop { currencyCode } }',
      headers: { 'content-type': 'application/graphql' },
    });
    expect(((await raw.json()) as { data: unknown }).data).toEqual({ shop: { currencyCode: 'USD' } });
  });

  it('answers 400 to a body without a query', async () => {
    const response = await post({ variables: {} });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { query: 'Required parameter missing or invalid' } });
  });
});
