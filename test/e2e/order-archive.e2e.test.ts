import { afterEach, describe, expect, it } from 'vitest';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';
import type { PlacedOrder } from '../support/e2e/merchant.ts';
import { recordedCalls } from '../support/e2e/shop-emulator.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

async function open(role: 'agent' | 'read_only' = 'agent') {
  scenario = await openScenario();
  const user = await addTestUser(scenario.store.db, role);
  const s = scenario;
  const archive = async (payload: object = {}) => {
    const response = await s.server.inject({
      method: 'POST',
      url: `/api/shops/${s.shopCode}/orders/archive`,
      headers: { authorization: `Bearer ${user.apiKey}` },
      payload,
    });
    return { status: response.statusCode, body: response.json() };
  };
  return { s, archive };
}

/** Shopify's closedAt: set when the order is archived there. */
async function closedAt(s: Scenario, order: PlacedOrder): Promise<string | null> {
  const { order: shown } = await s.merchant.api.graphql<{ order: { closedAt: string | null } }>(
    `query O($id: ID!) { order(id: $id) { closedAt } }`,
    { id: order.gid },
  );
  return shown.closedAt;
}

async function archivedHere(s: Scenario, order: PlacedOrder): Promise<boolean> {
  const row = await s.store.db
    .selectFrom('shopify_orders')
    .select('archived_at')
    .where('shopify_order_id', '=', order.id)
    .executeTakeFirstOrThrow();
  return row.archived_at !== null;
}

const closes = async (s: Scenario) =>
  (await recordedCalls(s.emulator)).filter((call) => call.operation.includes('OrderClose')).length;

describe('archive paid and fulfilled orders (seed 002, issue 8 item 7)', { timeout: 240_000 }, () => {
  it('by hand: closes a paid + fulfilled order in Shopify and here, not the others; a re-run does nothing', async () => {
    const { s, archive } = await open();
    const done = await s.merchant.placeOrder();
    await s.merchant.fulfil(done);
    const unpaid = await s.merchant.placeOrder({ paid: false });
    await s.merchant.fulfil(unpaid);
    const unshipped = await s.merchant.placeOrder();
    const summary = await s.storebridge.syncOrders();
    expect(summary).toMatchObject({ imported: 3, archived: 0 });

    const preview = await archive({ dryRun: true });
    expect(preview.body).toMatchObject({ dryRun: true, archived: [{ shopifyOrderId: done.id }], failed: [] });
    expect(await closes(s)).toBe(0);

    const first = await archive();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      archived: [{ shopifyOrderId: done.id, name: done.name }],
      failed: [],
    });
    expect(await closedAt(s, done)).not.toBeNull();
    expect(await archivedHere(s, done)).toBe(true);
    for (const other of [unpaid, unshipped]) {
      expect(await closedAt(s, other)).toBeNull();
      expect(await archivedHere(s, other)).toBe(false);
    }

    const again = await archive();
    expect(again.body).toMatchObject({ archived: [], failed: [] });
    expect(await closes(s)).toBe(1);
    // The closed order comes back in the next sync (Shopify changed it): it stays archived here.
    await s.storebridge.syncOrders();
    expect(await archivedHere(s, done)).toBe(true);
    const audit = await s.store.db.selectFrom('audit_log').select(['action', 'target', 'outcome']).execute();
    expect(audit).toContainEqual({ action: 'sync.run', target: `order ${done.id}`, outcome: 'succeeded' });
  });

  it('with archiveProcessedOrders on, the sync archives the orders of its run; off, it archives nothing', async () => {
    const { s } = await open();
    const before = await s.merchant.placeOrder();
    await s.merchant.fulfil(before);
    expect(await s.storebridge.syncOrders()).toMatchObject({ archived: 0 });
    expect(await closedAt(s, before)).toBeNull();

    await s.setShop({ archiveProcessedOrders: true });
    const done = await s.merchant.placeOrder();
    await s.merchant.fulfil(done);
    const unshipped = await s.merchant.placeOrder();
    expect(await s.storebridge.syncOrders()).toMatchObject({ archived: 1 });
    expect(await closedAt(s, done)).not.toBeNull();
    expect(await archivedHere(s, done)).toBe(true);
    expect(await closedAt(s, unshipped)).toBeNull();
    // Not of this run: the earlier order waits for a manual run.
    expect(await closedAt(s, before)).toBeNull();
    // Not a user's action: logged, no audit row.
    expect(await s.store.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);

    expect(await s.storebridge.syncOrders()).toMatchObject({ archived: 0 });
    expect(await closes(s)).toBe(1);
  });

  it('an order the merchant already closed in Shopify is only marked here', async () => {
    const { s, archive } = await open();
    const done = await s.merchant.placeOrder();
    await s.merchant.fulfil(done);
    await s.storebridge.syncOrders();
    await s.merchant.close(done);
    await s.storebridge.syncOrders();

    const answer = await archive();

    expect(answer.body).toMatchObject({ archived: [{ shopifyOrderId: done.id, alreadyClosed: true }] });
    expect(await closes(s)).toBe(0);
    expect(await archivedHere(s, done)).toBe(true);
  });

  it("keeps Shopify's refusal of one order and archives the others", async () => {
    const { s, archive } = await open();
    const [gone, done] = [await s.merchant.placeOrder(), await s.merchant.placeOrder()];
    for (const order of [gone, done]) await s.merchant.fulfil(order);
    await s.storebridge.syncOrders();
    await s.merchant.api.rest('DELETE', `orders/${gone.id}.json`);

    const answer = await archive();

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      archived: [{ shopifyOrderId: done.id }],
      failed: [{ shopifyOrderId: gone.id, code: 'shopify_refused', userErrors: [{}] }],
    });
    expect(await archivedHere(s, gone)).toBe(false);
    expect(await archivedHere(s, done)).toBe(true);
    const audit = await s.store.db.selectFrom('audit_log').select(['target', 'outcome']).execute();
    expect(audit).toContainEqual({ target: `order ${gone.id}`, outcome: 'refused' });
  });

  it('a read-only user may not archive (403, nothing sent)', async () => {
    const { s, archive } = await open('read_only');
    const done = await s.merchant.placeOrder();
    await s.merchant.fulfil(done);
    await s.storebridge.syncOrders();
    const calls = (await recordedCalls(s.emulator)).length;

    const refused = await archive();

    expect(refused.status).toBe(403);
    expect((await recordedCalls(s.emulator)).length).toBe(calls);
    expect(await closedAt(s, done)).toBeNull();
    expect(await archivedHere(s, done)).toBe(false);
  });
});
