import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, testClock, type Harness } from './harness.ts';
import { anOrder, ORDER_CREATE } from './orders.ts';

// One order taken through Shopify's lifecycle over HTTP, seeding only the catalogue.
const clock = testClock();
let h: Harness;
let orderId: string;

beforeAll(async () => {
  h = await startHarness({ clock, seed: { kind: 'demo', orders: 0 } });
});
afterAll(() => h.emulator.close());

describe('order lifecycle over HTTP (GraphQL)', () => {
  it('orderCreate, then reads it back with lines, transactions and MoneyBags', async () => {
    const created = await h.gql<{
      orderCreate: { order: { id: string; name: string }; userErrors: unknown[] };
    }>(ORDER_CREATE, {
      order: anOrder(h),
      options: { inventoryBehaviour: 'DECREMENT_OBEYING_POLICY' },
    });
    expect(created.data.orderCreate.userErrors).toEqual([]);
    orderId = created.data.orderCreate.order.id;
    expect(orderId).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
    const read = await h.gql<{ order: Record<string, unknown> }>(
      `query ($id: ID!) { order(id: $id) {
        name displayFinancialStatus displayFulfillmentStatus currencyCode
        totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        subtotalPriceSet { shopMoney { amount } } totalShippingPriceSet { shopMoney { amount } }
        totalReceivedSet { shopMoney { amount } } totalOutstandingSet { shopMoney { amount } }
        lineItems(first: 10) { nodes { sku quantity currentQuantity refundableQuantity originalUnitPriceSet { shopMoney { amount } } } }
        transactions { kind status gateway amountSet { shopMoney { amount } } }
      } }`,
      { id: orderId },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.order).toMatchObject({
      name: '#1001',
      displayFinancialStatus: 'PAID',
      displayFulfillmentStatus: 'UNFULFILLED',
      totalPriceSet: {
        shopMoney: { amount: '67.50', currencyCode: 'USD' },
        presentmentMoney: { amount: '67.50' },
      },
      subtotalPriceSet: { shopMoney: { amount: '62.50' } },
      totalShippingPriceSet: { shopMoney: { amount: '5.00' } },
      totalReceivedSet: { shopMoney: { amount: '67.50' } },
      totalOutstandingSet: { shopMoney: { amount: '0.00' } },
      lineItems: {
        nodes: [
          {
            sku: 'SB-TEE',
            quantity: 2,
            currentQuantity: 2,
            refundableQuantity: 2,
            originalUnitPriceSet: { shopMoney: { amount: '25.00' } },
          },
          { sku: 'SB-MUG', quantity: 1, currentQuantity: 1, refundableQuantity: 1 },
        ],
      },
      transactions: [
        { kind: 'SALE', status: 'SUCCESS', gateway: 'manual', amountSet: { shopMoney: { amount: '67.50' } } },
      ],
    });
    expect(read.extensions?.cost.requestedQueryCost).toBeGreaterThan(0);
  });

  it('paginates orders filtered by a search string, sorted by UPDATED_AT', async () => {
    for (const tag of ['e2e', 'other', 'e2e']) {
      clock.advance(60_000);
      await h.gql(ORDER_CREATE, { order: anOrder(h, { tags: [tag] }) });
    }
    const query = `query ($after: String) { orders(first: 2, after: $after, sortKey: UPDATED_AT, query: "tag:e2e AND financial_status:paid updated_at:>='2025-03-01T00:00:00Z'") {
      nodes { name } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    type Page = {
      orders: {
        nodes: { name: string }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
      };
    };
    const first = await h.gql<Page>(query);
    expect(first.data.orders.nodes.map((o) => o.name)).toEqual(['#1001', '#1002']);
    expect(first.data.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await h.gql<Page>(query, { after: first.data.orders.pageInfo.endCursor });
    expect(second.data.orders.nodes.map((o) => o.name)).toEqual(['#1004']);
    expect(second.data.orders.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const reversed = await h.gql<Page>(
      `{ orders(last: 1, reverse: true, query: "status:open") { nodes { name } } }`,
    );
    expect(reversed.data.orders.nodes.map((o) => o.name)).toEqual(['#1001']);
  });
});
