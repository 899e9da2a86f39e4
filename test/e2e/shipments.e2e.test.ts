import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTestUser, type TestUser } from '../../src/access/testing/test-users.ts';
import { syncShipments, shipmentClients } from '../../src/outbound/index.ts';
import { getShopConnection } from '../../src/shops/index.ts';
import { ShopifyUnavailableError } from '../../src/shopify/index.ts';
import { itemNo } from '../support/e2e/documents.ts';
import type { PlacedOrder } from '../support/e2e/merchant.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';

let scenario: Scenario;
let admin: TestUser;
let agent: TestUser;
let reader: TestUser;

beforeEach(async () => {
  scenario = await openScenario();
  admin = await addTestUser(scenario.store.db, 'admin');
  agent = await addTestUser(scenario.store.db, 'agent');
  reader = await addTestUser(scenario.store.db, 'read_only', 'reader');
  await api(admin, 'PUT', '/api/shipping-agents/UPS-EXP', {
    name: 'UPS Express',
    shopifyTrackingCompany: 'UPS',
    trackingUrlTemplate: 'https://ups.example/track?n={number}',
    services: ['NEXTDAY'],
  });
});
afterEach(async () => {
  await scenario.close();
});

async function api(user: TestUser | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await scenario.server.inject({
    method,
    url,
    ...(user && { headers: { authorization: `Bearer ${user.apiKey}` } }),
    ...(payload && { payload }),
  });
  // The API's JSON, read the way a script would.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.statusCode, body: response.json<Record<string, any>>() };
}

const base = () => `/api/shops/${scenario.shopCode}`;

/** An order of 2 x SB-TEE and 1 x SB-MUG, imported: its released sales order. */
async function importedSalesOrder(): Promise<{
  order: PlacedOrder;
  salesOrderNo: string;
  tee: number;
  mug: number;
}> {
  const order = await scenario.merchant.placeOrder({
    lines: [
      { sku: 'SB-TEE', quantity: 2 },
      { sku: 'SB-MUG', quantity: 1 },
    ],
  });
  await scenario.storebridge.syncOrders();
  const [document] = await scenario.storebridge.documents(order.id);
  expect(document).toMatchObject({ type: 'sales_order', status: 'released' });
  const lineOf = (sku: keyof typeof itemNo) => document!.lines.find((l) => l.no === itemNo[sku])!.lineNo;
  return { order, salesOrderNo: document!.number!, tee: lineOf('SB-TEE'), mug: lineOf('SB-MUG') };
}

async function shopifyOrder(order: PlacedOrder) {
  const data = await scenario.merchant.api.graphql<{
    order: {
      displayFulfillmentStatus: string;
      fulfillments: {
        id: string;
        trackingInfo: { company: string | null; number: string | null; url: string | null }[];
        fulfillmentLineItems: { nodes: { quantity: number; lineItem: { sku: string } }[] };
      }[];
    };
  }>(
    `query O($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments { id
      trackingInfo { company number url } fulfillmentLineItems(first: 10) { nodes { quantity lineItem { sku } } } } } }`,
    { id: order.gid },
  );
  return data.order;
}

/** Shopify's own record of whether it was asked to notify the customer (not in the Admin API's answers). */
function notified(order: PlacedOrder): boolean[] {
  const found = scenario.emulator.state.data.orders.find((o) => String(o.id) === order.id)!;
  return found.fulfillments.map((f) => f.notifyCustomer);
}

async function stockOf(sku: keyof typeof itemNo) {
  const level = (await scenario.storebridge.stock()).find(
    (l) => l.itemNo === itemNo[sku] && l.locationCode === 'MAIN',
  );
  return { onHand: Number(level?.onHand ?? 0), released: Number(level?.released ?? 0) };
}

describe('shipments -> Shopify fulfillments (issue 8 item 5, seed 002 "Synchronize shipments to Shopify")', () => {
  it('a partial then a full shipment: stock moves once, Shopify is partially then fully fulfilled with tracking, re-runs and the returning fulfillment change nothing', async () => {
    const { order, salesOrderNo, tee } = await importedSalesOrder();
    const before = await stockOf('SB-TEE');

    const posted = await api(agent, 'POST', `${base()}/shipments`, {
      salesOrderNo,
      lines: [{ lineNo: tee, quantity: 1 }],
      trackingNumber: '1Z999',
      shippingAgentCode: 'UPS-EXP',
      shippingAgentServiceCode: 'NEXTDAY',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.shipment).toMatchObject({
      status: 'posted',
      sendStatus: 'pending',
      number: 'SHIP-000001',
    });
    expect(await stockOf('SB-TEE')).toEqual({ onHand: before.onHand - 1, released: before.released - 1 });

    const synced = await api(agent, 'POST', `${base()}/sync/shipments`);
    expect(synced.body).toMatchObject({ sent: 1, failed: 0 });
    const partial = await shopifyOrder(order);
    expect(partial.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(partial.fulfillments).toEqual([
      expect.objectContaining({
        trackingInfo: [{ company: 'UPS', number: '1Z999', url: 'https://ups.example/track?n=1Z999' }],
        fulfillmentLineItems: { nodes: [{ quantity: 1, lineItem: { sku: 'SB-TEE' } }] },
      }),
    ]);
    expect(notified(order)).toEqual([true]);

    // A re-run sends nothing twice.
    expect((await api(agent, 'POST', `${base()}/sync/shipments`)).body).toMatchObject({
      sent: 0,
      shipments: [],
    });
    expect((await shopifyOrder(order)).fulfillments).toHaveLength(1);

    // The fulfillment we caused comes back through the normal order sync: no stock, no conflict.
    const documentsBefore = await scenario.storebridge.documents(order.id);
    const stockBefore = await scenario.storebridge.stock();
    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.order(order.id)).toMatchObject({
      conflict: false,
      fulfillmentStatus: 'partially_fulfilled',
    });
    expect(await scenario.storebridge.documents(order.id)).toEqual(documentsBefore);
    expect(await scenario.storebridge.stock()).toEqual(stockBefore);

    // The rest, without tracking, with the shop's shipping confirmation off.
    await scenario.setShop({ sendShippingConfirmation: false });
    const rest = await api(agent, 'POST', `${base()}/shipments`, { salesOrderNo, all: true });
    expect(rest.body.shipment.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1, 1]);
    expect((await api(agent, 'POST', `${base()}/sync/shipments`)).body).toMatchObject({ sent: 1 });
    const full = await shopifyOrder(order);
    expect(full.displayFulfillmentStatus).toBe('FULFILLED');
    expect(notified(order)).toEqual([true, false]);
    expect(await stockOf('SB-TEE')).toEqual({ onHand: before.onHand - 2, released: before.released - 2 });

    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.order(order.id)).toMatchObject({
      conflict: false,
      fulfillmentStatus: 'fulfilled',
    });
    expect(await stockOf('SB-TEE')).toEqual({ onHand: before.onHand - 2, released: before.released - 2 });

    const listed = await api(reader, 'GET', `${base()}/shipments`);
    expect(listed.body.shipments.map((s: { sendStatus: string }) => s.sendStatus)).toEqual(['sent', 'sent']);

    // Nothing left to ship: refused naming the field, nothing posted.
    const nothing = await api(agent, 'POST', `${base()}/shipments`, { salesOrderNo, all: true });
    expect(nothing).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('nothing left to ship') } },
    });
  }, 60_000);

  it('more than is left to ship is refused naming the line; nothing moves', async () => {
    const { salesOrderNo, tee } = await importedSalesOrder();
    const before = await scenario.storebridge.stock();
    const refused = await api(agent, 'POST', `${base()}/shipments`, {
      salesOrderNo,
      lines: [{ lineNo: tee, quantity: 3 }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(`line ${tee} (1000) has 2 left to ship, not 3`);
    expect(await scenario.storebridge.stock()).toEqual(before);
    expect((await api(agent, 'GET', `${base()}/shipments`)).body.shipments).toEqual([]);
  }, 60_000);

  it('a read-only user may neither post nor sync: 403, nothing written or sent, the refusal audited', async () => {
    const { order, salesOrderNo } = await importedSalesOrder();
    const before = await scenario.storebridge.stock();
    const post = await api(reader, 'POST', `${base()}/shipments`, { salesOrderNo, all: true });
    expect(post.status).toBe(403);
    expect((await api(reader, 'POST', `${base()}/sync/shipments`)).status).toBe(403);
    expect(await scenario.storebridge.stock()).toEqual(before);
    expect((await shopifyOrder(order)).fulfillments).toEqual([]);
    const audit = await scenario.store.db
      .selectFrom('audit_log')
      .select(['user_name', 'outcome', 'action'])
      .where('user_name', '=', 'reader')
      .execute();
    expect(audit).toEqual([
      { user_name: 'reader', outcome: 'refused', action: 'shipments.sync' },
      { user_name: 'reader', outcome: 'refused', action: 'shipments.sync' },
    ]);
    expect((await api(null, 'POST', `${base()}/sync/shipments`)).status).toBe(401);
  }, 60_000);

  it("Shopify's refusal is kept on the shipment with its message and retried by the next run", async () => {
    const { order, salesOrderNo } = await importedSalesOrder();
    await api(agent, 'POST', `${base()}/shipments`, { salesOrderNo, all: true, trackingNumber: 'T1' });
    // The merchant puts the goods on hold in Shopify before the shipment goes: Shopify refuses it.
    const { fulfillment_orders: fulfillmentOrders } = await scenario.merchant.api.rest<{
      fulfillment_orders: { id: number }[];
    }>('GET', `orders/${order.id}/fulfillment_orders.json`);
    for (const fo of fulfillmentOrders)
      await scenario.merchant.api.rest('POST', `fulfillment_orders/${fo.id}/hold.json`, {
        fulfillment_hold: { reason: 'other', reason_notes: 'address check' },
      });
    const failed = await api(agent, 'POST', `${base()}/sync/shipments`);
    expect(failed.body).toMatchObject({
      sent: 0,
      failed: 1,
      shipments: [{ status: 'failed', message: expect.stringContaining('unfulfillable status') }],
    });
    const listed = await api(agent, 'GET', `${base()}/shipments`);
    expect(listed.body.shipments[0]).toMatchObject({
      sendStatus: 'failed',
      sendAttempts: 1,
      lastError: expect.stringContaining('Shopify refused the fulfillment'),
    });
    const audit = await scenario.store.db
      .selectFrom('audit_log')
      .select(['outcome', 'shopify_answer'])
      .where('target', 'like', 'shipment SHIP-000001 (%')
      .execute();
    expect(audit).toEqual([
      {
        outcome: 'refused',
        shopify_answer: {
          userErrors: [expect.objectContaining({ message: expect.stringContaining('unfulfillable') })],
        },
      },
    ]);

    // Released in Shopify; the next run retries it.
    for (const fo of fulfillmentOrders)
      await scenario.merchant.api.rest('POST', `fulfillment_orders/${fo.id}/release_hold.json`, {});
    const retried = await api(agent, 'POST', `${base()}/sync/shipments`);
    expect(retried.body).toMatchObject({ sent: 1, shipments: [{ status: 'sent', message: null }] });
    expect((await shopifyOrder(order)).displayFulfillmentStatus).toBe('FULFILLED');
  }, 60_000);

  it('when we died after Shopify created the fulfillment, the next run finds it and sends nothing twice', async () => {
    const { order, salesOrderNo } = await importedSalesOrder();
    await api(agent, 'POST', `${base()}/shipments`, { salesOrderNo, all: true, trackingNumber: 'LOST-1' });
    const deps = { db: scenario.store.db, secretKey: scenario.secretKey };
    const connection = await getShopConnection(deps, scenario.shopCode);
    const real = shipmentClients(connection);
    // Shopify creates it, but its answer never reaches us.
    const lostAnswer = {
      ...real,
      writes: {
        request: async (...args: Parameters<typeof real.writes.request>) => {
          await real.writes.request(...args);
          throw new ShopifyUnavailableError('connection reset', null);
        },
      },
    };
    const first = await syncShipments(
      { ...deps, clientsFor: () => lostAnswer },
      agent.actor,
      scenario.shopCode,
    );
    expect(first).toMatchObject({ failed: 1, shipments: [{ status: 'failed' }] });
    expect((await shopifyOrder(order)).fulfillments).toHaveLength(1);

    const second = await syncShipments(deps, agent.actor, scenario.shopCode);
    const [fulfillment] = (await shopifyOrder(order)).fulfillments;
    expect(second).toMatchObject({
      sent: 1,
      shipments: [{ status: 'sent', fulfillmentIds: [fulfillment!.id.split('/').pop()] }],
    });
    expect((await shopifyOrder(order)).fulfillments).toHaveLength(1);
  }, 60_000);

  it('two runs racing for one shipment send it once', async () => {
    const { order, salesOrderNo } = await importedSalesOrder();
    await api(agent, 'POST', `${base()}/shipments`, { salesOrderNo, all: true });
    const deps = { db: scenario.store.db, secretKey: scenario.secretKey };
    const runs = await Promise.all([
      syncShipments(deps, agent.actor, scenario.shopCode),
      syncShipments(deps, agent.actor, scenario.shopCode),
    ]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect((await shopifyOrder(order)).fulfillments).toHaveLength(1);
    const listed = await api(agent, 'GET', `${base()}/shipments`);
    expect(listed.body.shipments).toEqual([expect.objectContaining({ sendStatus: 'sent', lastError: null })]);
  }, 60_000);
});
