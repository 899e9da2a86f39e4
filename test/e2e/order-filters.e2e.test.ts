import { afterEach, describe, expect, it } from 'vitest';
import type { OrderSpec } from '../support/e2e/order-spec.ts';
import { openScenario, type Scenario, type ShopOverrides } from '../support/e2e/scenario.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

interface FilterCase {
  name: string;
  shop: ShopOverrides;
  taken: OrderSpec;
  left: OrderSpec;
}

const noFilters = { tags: [], financialStatuses: [], fulfillmentStatuses: [], riskLevels: [] };

// seed 002 "Sync Orders From Shopify": filters on tags, channel, financial and fulfillment status, risk.
const cases: FilterCase[] = [
  {
    name: 'tags @*vip*: any tag containing "vip", in any case, among other tags',
    shop: { orderFilters: { ...noFilters, tags: ['@*vip*'] } },
    taken: { tags: ['wholesale', 'VIP-gold'] },
    left: { tags: ['wholesale'] },
  },
  {
    name: 'channel <>Point of Sale: every channel but POS',
    shop: { orderFilters: { ...noFilters, channel: '<>Point of Sale' } },
    taken: { sourceName: 'web' },
    left: { sourceName: 'pos', fulfilled: true },
  },
  {
    name: 'financial status paid: fully paid orders only',
    shop: { orderFilters: { ...noFilters, financialStatuses: ['paid'] } },
    taken: { paid: true },
    left: { paid: false },
  },
  {
    name: 'fulfillment status unfulfilled',
    shop: { orderFilters: { ...noFilters, fulfillmentStatuses: ['unfulfilled'] } },
    taken: {},
    left: { fulfilled: true },
  },
  {
    name: 'risk low: "the ones with a low risk level"',
    shop: { orderFilters: { ...noFilters, riskLevels: ['low'] } },
    taken: { risk: 'LOW' },
    left: { risk: 'HIGH' },
  },
];

describe("the shop's order filters decide which orders are imported", () => {
  it.each(cases)('$name', async ({ shop, taken, left }) => {
    scenario = await openScenario({ shop });
    const wanted = await scenario.merchant.placeOrder(taken);
    const other = await scenario.merchant.placeOrder(left);
    await scenario.storebridge.syncOrders();

    expect(await scenario.storebridge.imported(wanted.id)).not.toBeNull();
    expect(await scenario.storebridge.imported(other.id)).toBeNull();
    expect(await scenario.storebridge.documents(wanted.id)).toHaveLength(1);
    expect(await scenario.storebridge.documents()).toHaveLength(1);
  });
});

describe('which orders are eligible at all', () => {
  it('orders created before the integration date are never imported (seed 004 3.1)', async () => {
    scenario = await openScenario({ now: '2025-01-20T12:00:00Z', shop: { integrationDate: '2025-02-01' } });
    const old = await scenario.merchant.placeOrder();
    scenario.emulator.clock.set('2025-02-03T12:00:00Z');
    const recent = await scenario.merchant.placeOrder();
    await scenario.storebridge.syncOrders();

    expect(await scenario.storebridge.imported(recent.id)).not.toBeNull();
    expect(await scenario.storebridge.imported(old.id)).toBeNull();
    // A change to the old order later does not make it eligible.
    await scenario.merchant.addTags(old, ['late-note']);
    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.imported(old.id)).toBeNull();
    expect((await scenario.storebridge.documents()).map((document) => document.shopifyOrderId)).toEqual([
      recent.id,
    ]);
  });

  it('orders archived (closed) before the first sync are not imported (seed 002 "Run the order synchronization")', async () => {
    scenario = await openScenario();
    const archived = await scenario.merchant.placeOrder({ fulfilled: true });
    await scenario.merchant.close(archived);
    const open = await scenario.merchant.placeOrder();
    await scenario.storebridge.syncOrders();

    expect(await scenario.storebridge.imported(open.id)).not.toBeNull();
    expect(await scenario.storebridge.imported(archived.id)).toBeNull();
  });

  it('an order changed after the last sync is imported again (seed 002: "force reimport ... by adding Notes or Tag")', async () => {
    scenario = await openScenario({ shop: { autoCreateDocuments: false } });
    const order = await scenario.merchant.placeOrder({ paid: false });
    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.order(order.id)).toMatchObject({ financialStatus: 'pending' });
    await scenario.merchant.markAsPaid(order);
    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.order(order.id)).toMatchObject({
      financialStatus: 'paid',
      processed: false,
    });
  });
});
