import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import {
  exportOrdersInBulk,
  fetchChangedOrders,
  fetchOrder,
  type FetchedOrder,
  type ShopifyClient,
} from '../../src/shopify/index.ts';
import { asMerchant, emulatedShop, recordedCalls, resetLog } from './emulator-shop.ts';

async function readAll(client: ShopifyClient, updatedAfter: string | null): Promise<FetchedOrder[]> {
  const out: FetchedOrder[] = [];
  for await (const page of fetchChangedOrders(client, { updatedAfter })) out.push(...page.orders);
  return out;
}

describe('fetchChangedOrders against the emulator (60 simulated orders)', () => {
  let emulator: RunningEmulator;
  let client: ShopifyClient;

  beforeAll(async () => {
    ({ emulator, client } = await emulatedShop(60));
  }, 60_000);
  afterAll(() => emulator.close());

  it('reads every order once, oldest change first, each request under the 1,000-point cap', async () => {
    await resetLog(emulator);
    const fetched = await readAll(client, null);
    const ids = fetched.map((f) => f.order.shopifyId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(emulator.state.data.orders.map((o) => String(o.id)).sort());
    const updated = fetched.map((f) => f.order.updatedAt);
    expect(updated).toEqual([...updated].sort());

    const calls = await recordedCalls(emulator);
    for (const call of calls) expect(call.requestedCost, call.operation).toBeLessThan(1000);
    const actual = calls.reduce((sum, call) => sum + (call.actualCost ?? 0), 0);
    console.info(
      `paged: ${calls.length} requests, ${(calls.length / fetched.length).toFixed(3)} requests/order, ` +
        `${(actual / fetched.length).toFixed(1)} actual points/order`,
    );
  });

  it('reads only what changed since the cursor, the cursor second included', async () => {
    const all = await readAll(client, null);
    const cursor = all[29]!.order.updatedAt;
    const since = await readAll(client, cursor);
    const expected = all.filter(
      (f) => Date.parse(f.order.updatedAt) >= Date.parse(cursor.replace(/\.\d+Z$/, 'Z')),
    );
    expect(since.map((f) => f.order.shopifyId).sort()).toEqual(expected.map((f) => f.order.shopifyId).sort());
    expect(since.length).toBeLessThan(all.length);
  });

  it('misses nothing and repeats no version when orders change while it pages', async () => {
    const pages = fetchChangedOrders(client, { updatedAfter: null });
    const seen: FetchedOrder[] = [];
    const first = await pages.next();
    if (first.done) throw new Error('no page');
    seen.push(...first.value.orders);
    const behind = first.value.orders[0]!.order.shopifyId;
    const ahead = emulator.state.data.orders.find(
      (o) => !seen.some((f) => f.order.shopifyId === String(o.id)),
    )!;
    for (const id of [behind, String(ahead.id)]) {
      await asMerchant(
        emulator,
        'mutation($id: ID!) { tagsAdd(id: $id, tags: ["changed-while-paging"]) { userErrors { message } } }',
        {
          id: `gid://shopify/Order/${id}`,
        },
      );
    }
    for await (const page of pages) seen.push(...page.orders);

    const versions = seen.map((f) => `${f.order.shopifyId}@${f.order.updatedAt}`);
    expect(new Set(versions).size).toBe(versions.length);
    expect(new Set(seen.map((f) => f.order.shopifyId)).size).toBe(emulator.state.data.orders.length);
    for (const id of [behind, String(ahead.id)]) {
      const last = seen.filter((f) => f.order.shopifyId === id).at(-1)!;
      expect(last.order.tags).toContain('changed-while-paging');
    }
  });

  it('exports in bulk exactly what the paged read returns', async () => {
    const paged = new Map((await readAll(client, null)).map((f) => [f.order.shopifyId, f.order]));
    await resetLog(emulator);
    const bulk = new Map<string, unknown>();
    for await (const fetched of exportOrdersInBulk(client, { updatedAfter: null, pollIntervalMs: 20 })) {
      bulk.set(fetched.order.shopifyId, fetched.order);
    }
    expect(bulk.size).toBe(paged.size);
    for (const [id, order] of paged) expect(bulk.get(id), `order ${id}`).toEqual(order);

    const calls = await recordedCalls(emulator);
    for (const call of calls) expect(call.requestedCost, call.operation).toBeLessThan(1000);
    const actual = calls.reduce((sum, call) => sum + (call.actualCost ?? 0), 0);
    console.info(
      `bulk: ${calls.length} requests, ${(calls.length / bulk.size).toFixed(3)} requests/order, ` +
        `${(actual / bulk.size).toFixed(1)} actual points/order`,
    );
  });

  it('reads what overflowed the nested pages of a batch by id, for the batch at once, not order by order', async () => {
    await resetLog(emulator);
    for await (const _fetched of exportOrdersInBulk(client, { updatedAfter: null, pollIntervalMs: 20 })) {
      // drained
    }
    const operations = (await recordedCalls(emulator)).map((call) => call.operation);
    // The demo shop's 60 orders have several fulfilment orders and refunds of more than two lines.
    expect(operations).toContain('query OrderPartsByIds');
    const perOrder = [
      'OrderFulfillmentOrders',
      'FulfillmentOrderLineItems',
      'FulfillmentLineItems',
      'RefundLineItems',
      'RefundTransactions',
    ].map((name) => `query ${name}`);
    expect(operations.filter((operation) => perOrder.includes(operation))).toEqual([]);
  });
});

describe('an order larger than a page', () => {
  let emulator: RunningEmulator;
  let client: ShopifyClient;

  beforeAll(async () => {
    // One simulated order first: it sets the shop up (locations, products), as a merchant would.
    ({ emulator, client } = await emulatedShop(1));
  }, 60_000);
  afterAll(() => emulator.close());

  it('is completed by follow-up queries for that order only (80 lines)', async () => {
    const lineItems = Array.from({ length: 80 }, (_, i) => ({
      title: `Part ${i + 1}`,
      sku: `PART-${i + 1}`,
      quantity: 1,
      requiresShipping: true,
      priceSet: { shopMoney: { amount: '1.50', currencyCode: 'USD' } },
    }));
    const created = await asMerchant<{ orderCreate: { order: { legacyResourceId: string } } }>(
      emulator,
      `mutation($order: OrderCreateOrderInput!) {
        orderCreate(order: $order) { order { legacyResourceId } userErrors { message } }
      }`,
      { order: { currency: 'USD', lineItems, financialStatus: 'PAID' } },
    );
    const id = created.orderCreate.order.legacyResourceId;
    await resetLog(emulator);

    const fetched = await fetchOrder(client, id);
    expect(fetched?.order.lines).toHaveLength(80);
    expect(fetched?.order.lines.map((l) => l.sku)).toEqual(lineItems.map((l) => l.sku));
    const fulfilmentLines = fetched?.order.fulfillmentOrders.flatMap((fo) => fo.lines) ?? [];
    expect(fulfilmentLines).toHaveLength(80);
    const calls = await recordedCalls(emulator);
    expect(calls.map((c) => c.operation)).toContain('query OrderLineItems');
    expect(calls.map((c) => c.operation)).toContain('query FulfillmentOrderLineItems');
    for (const call of calls) expect(call.requestedCost, call.operation).toBeLessThan(1000);

    const paged = (await readAll(client, null)).find((f) => f.order.shopifyId === id);
    expect(paged?.order).toEqual(fetched?.order);
  });

  it('fetchOrder answers null for an order Shopify does not have', async () => {
    expect(await fetchOrder(client, '999999999')).toBeNull();
  });
});
