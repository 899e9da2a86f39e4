import { afterEach, describe, expect, it } from 'vitest';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { createAgentRefund, shopifyClientFor, type OutboundDeps } from '../../src/outbound/index.ts';
import { syncDeps } from '../../src/sync/index.ts';
import { agentApi } from '../support/e2e/agent-api.ts';
import { autoCreditMemos, openScenario, type Scenario } from '../support/e2e/scenario.ts';
import { recordedCalls } from '../support/e2e/shop-emulator.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

async function openAgentScenarioWithUser() {
  scenario = await openScenario({ shop: autoCreditMemos });
  const user = await addTestUser(scenario.store.db, 'agent');
  return { scenario, agent: user.actor };
}

/** The use cases' deps with a Shopify client that runs hooks around each operation (a colleague, a lost answer). */
function depsWith(
  s: Scenario,
  hooks: { before?: (operation: string) => Promise<void>; after?: (operation: string) => void },
): OutboundDeps {
  return {
    sync: syncDeps({ db: s.store.db, secretKey: s.secretKey }),
    clientFor: (connection) => {
      const real = shopifyClientFor(connection);
      return {
        async request(operation, variables, options) {
          await hooks.before?.(operation);
          const result = await real.request(operation, variables, options);
          hooks.after?.(operation);
          return result as never;
        },
      };
    },
  };
}

async function openAgentScenario(role: 'agent' | 'read_only' | 'admin' = 'agent') {
  scenario = await openScenario({ shop: autoCreditMemos });
  const user = await addTestUser(scenario.store.db, role);
  return { scenario, api: agentApi(scenario.server, scenario.shopCode, user.apiKey) };
}

/** Shopify's refunds of the order, as the merchant sees them in Shopify. */
async function shopifyRefunds(s: Scenario, order: { gid: string }) {
  const { order: shown } = await s.merchant.api.graphql<{
    order: {
      refunds: {
        id: string;
        note: string | null;
        totalRefundedSet: { presentmentMoney: { amount: string } };
      }[];
    };
  }>(
    `query R($id: ID!) { order(id: $id) { refunds { id note totalRefundedSet { presentmentMoney { amount } } } } }`,
    {
      id: order.gid,
    },
  );
  return shown.refunds.map((r) => ({ note: r.note, amount: r.totalRefundedSet.presentmentMoney.amount }));
}

async function mutationsSent(s: Scenario, name: string) {
  return (await recordedCalls(s.emulator)).filter((call) => call.operation.includes(name)).length;
}

describe(
  'agent refund: preview then create (issue 8 item 2, seeds 001 and 003)',
  { timeout: 240_000 },
  () => {
    it("previews Shopify's own calculation: lines, shipping, tax, total and the maximum per payment", async () => {
      const { scenario: s, api } = await openAgentScenario();
      const order = await s.merchant.placeOrder();
      await s.merchant.fulfil(order);
      await s.storebridge.syncOrders();
      const warehouse = await s.merchant.locationId('Warehouse');

      const preview = await api.preview(order.name, {
        lines: [{ line: 'SB-TEE', quantity: 1 }],
        restock: 'return',
        location: String(warehouse),
        shipping: 'full',
      });

      expect(preview.status).toBe(200);
      const { order: shopify } = await s.merchant.api.graphql<{
        order: { suggestedRefund: { amountSet: { presentmentMoney: { amount: string } } } };
      }>(
        `query S($id: ID!, $line: ID!, $loc: ID!) { order(id: $id) { suggestedRefund(refundShipping: true,
        refundLineItems: [{ lineItemId: $line, quantity: 1, restockType: RETURN, locationId: $loc }]) {
        amountSet { presentmentMoney { amount } } } } }`,
        {
          id: order.gid,
          line: `gid://shopify/LineItem/${(preview.body.lines as { lineShopifyId: string }[])[0]!.lineShopifyId}`,
          loc: `gid://shopify/Location/${warehouse}`,
        },
      );
      expect(Number(preview.body.total)).toBe(
        Number(shopify.suggestedRefund.amountSet.presentmentMoney.amount),
      );
      expect(preview.body).toMatchObject({
        money: 'presentment',
        currency: 'USD',
        subtotal: '25.00',
        discounts: '0.00',
        tax: '0.00',
        shipping: '5.00',
        total: '30.00',
        maximumRefundable: '67.50',
        lines: [
          {
            sku: 'SB-TEE',
            quantity: 1,
            restock: 'return',
            locationShopifyId: String(warehouse),
            subtotal: '25.00',
          },
        ],
        payments: [{ amount: '30.00', maximumRefundable: '67.50' }],
      });
      expect(await mutationsSent(s, 'RefundCreate')).toBe(0);
    });

    it('names the field of every bad input: unknown line, quantity above refundable, shipping above refundable', async () => {
      const { scenario: s, api } = await openAgentScenario();
      const order = await s.merchant.placeOrder();
      await s.storebridge.syncOrders();

      const unknown = await api.preview(order.id, {
        lines: [
          { line: 'NO-SUCH', quantity: 1 },
          { line: 'SB-MUG', quantity: 2 },
        ],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error?.message).toContain('lines.0.line: "NO-SUCH" is not a line item id or SKU');
      expect(unknown.body.error?.message).toContain('lines.1.quantity: 2 of "SB-MUG"');
      const shipping = await api.preview(order.id, { shipping: '6.00' });
      expect(shipping.status).toBe(400);
      expect(shipping.body.error?.message).toContain(
        'shipping: 6.00 USD is more than the 5.00 USD shipping still refundable',
      );
    });

    it('creates the refund from the calculation: note, restock to the location, and the credit memo at once', async () => {
      const { scenario: s, api } = await openAgentScenario();
      const order = await s.merchant.placeOrder();
      await s.merchant.fulfil(order);
      await s.storebridge.syncOrders();

      const created = await api.refund(order.name, {
        lines: [{ line: 'SB-TEE', quantity: 1 }],
        restock: 'return',
        shipping: 'full',
        reason: 'Damaged in transit',
      });

      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        ok: true,
        replayed: false,
        result: { total: '30.00', note: 'Damaged in transit' },
      });
      expect(await shopifyRefunds(s, order)).toEqual(
        [{ note: 'Damaged in transit', amount: '30.0' }].map((r) => ({
          ...r,
          amount: expect.stringMatching(/^30(\.0+)?$/),
        })),
      );
      // No sync run by hand: the order went through the normal import after the refund.
      const documents = await s.storebridge.documents(order.id);
      expect(documents.filter((d) => d.type === 'credit_memo')).toHaveLength(1);
      expect(documents.filter((d) => d.type === 'customer_refund')).toHaveLength(1);
    });

    it('a manual total overrides the calculated amount', async () => {
      const { scenario: s, api } = await openAgentScenario();
      const order = await s.merchant.placeOrder();
      await s.merchant.fulfil(order);
      await s.storebridge.syncOrders();

      const created = await api.refund(order.id, {
        lines: [{ line: 'SB-MUG', quantity: 1 }],
        amount: '10.00',
        discrepancyReason: 'damage',
      });

      expect(created.body).toMatchObject({ ok: true, result: { total: '10.00' } });
      expect((await shopifyRefunds(s, order)).map((r) => Number(r.amount))).toEqual([10]);
    });

    it("Shopify's user errors come back verbatim and nothing is recorded as done", async () => {
      const { scenario: s, agent } = await openAgentScenarioWithUser();
      const order = await s.merchant.placeOrder({ lines: [{ sku: 'SB-TEE', quantity: 1 }] });
      await s.merchant.fulfil(order);
      await s.storebridge.syncOrders();
      // A colleague refunds the same tee in Shopify's admin between our calculation and our refund.
      const deps = depsWith(s, {
        before: async (operation) => {
          if (operation === 'RefundCreate')
            await s.merchant.refund(order, {
              lines: [{ sku: 'SB-TEE', quantity: 1, restock: 'no_restock' }],
              note: 'admin',
            });
        },
      });

      const outcome = await createAgentRefund(deps, agent, s.shopCode, order.id, {
        lines: [{ line: 'SB-TEE', quantity: 1 }],
      });

      expect(outcome).toMatchObject({
        ok: false,
        code: 'shopify_refused',
        userErrors: [
          expect.objectContaining({ message: 'Quantity cannot refund more than refundable quantity' }),
        ],
      });
      expect((await shopifyRefunds(s, order)).map((r) => r.note)).toEqual(['admin']);
      const row = await s.store.db
        .selectFrom('outbound_requests')
        .select(['state', 'shopify_id'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'refused', shopify_id: null });
      const audit = await s.store.db.selectFrom('audit_log').select(['outcome']).execute();
      expect(audit).toEqual([{ outcome: 'refused' }]);
    });

    it("a crash between the pending record and Shopify's answer: the retry finds the refund instead of making another", async () => {
      const { scenario: s, agent } = await openAgentScenarioWithUser();
      const order = await s.merchant.placeOrder();
      await s.merchant.fulfil(order);
      await s.storebridge.syncOrders();
      const request = {
        lines: [{ line: 'SB-MUG', quantity: 1 }],
        reason: 'Chipped',
        idempotencyKey: 'ticket-7',
      };
      const lost = depsWith(s, {
        after: (operation) => {
          if (operation === 'RefundCreate') throw new Error('socket hang up');
        },
      });

      await expect(createAgentRefund(lost, agent, s.shopCode, order.id, request)).rejects.toThrow(
        'socket hang up',
      );
      expect(await s.store.db.selectFrom('outbound_requests').select('state').execute()).toEqual([
        { state: 'pending' },
      ]);
      // Within the lease another attempt is told to wait; after it, the retry looks in Shopify first.
      await expect(createAgentRefund(depsWith(s, {}), agent, s.shopCode, order.id, request)).rejects.toThrow(
        'is being sent to Shopify by another request',
      );
      const later = { ...depsWith(s, {}), now: () => new Date(Date.now() + 3 * 60_000) };
      const retried = await createAgentRefund(later, agent, s.shopCode, order.id, request);

      expect(retried).toMatchObject({
        ok: true,
        replayed: true,
        result: { total: '12.50', note: 'Chipped' },
      });
      expect(await shopifyRefunds(s, order)).toHaveLength(1);
      expect(await mutationsSent(s, 'RefundCreate')).toBe(1);
      expect((await s.storebridge.documents(order.id)).filter((d) => d.type === 'credit_memo')).toHaveLength(
        1,
      );
    });

    it('refunds once per idempotency key; an identical request without key refunds once too; another request with the key is a conflict', async () => {
      const { scenario: s, api } = await openAgentScenario();
      const order = await s.merchant.placeOrder();
      await s.merchant.fulfil(order);
      await s.storebridge.syncOrders();
      const request = { lines: [{ line: 'SB-TEE', quantity: 1 }], idempotencyKey: 'ticket-42' };

      const first = await api.refund(order.id, request);
      const again = await api.refund(order.id, request);
      const other = await api.refund(order.id, { ...request, lines: [{ line: 'SB-MUG', quantity: 1 }] });
      const derivedFirst = await api.refund(order.id, { lines: [{ line: 'SB-MUG', quantity: 1 }] });
      const derivedAgain = await api.refund(order.id, { lines: [{ line: 'SB-MUG', quantity: 1 }] });

      expect(first.body).toMatchObject({ ok: true, replayed: false });
      expect(again.body).toMatchObject({ ok: true, replayed: true, result: first.body.result });
      expect(other.status).toBe(409);
      expect(other.body.error?.message).toContain('"ticket-42" was already used for another request');
      expect(derivedAgain.body).toMatchObject({
        ok: true,
        replayed: true,
        idempotencyKey: derivedFirst.body.idempotencyKey,
      });
      expect(await shopifyRefunds(s, order)).toHaveLength(2);
      expect(await mutationsSent(s, 'RefundCreate')).toBe(2);
    });

    it('a read-only user is refused (403) with nothing sent to Shopify, and the refusal is audited', async () => {
      const { scenario: s, api } = await openAgentScenario('read_only');
      const order = await s.merchant.placeOrder();
      await s.storebridge.syncOrders();
      const before = (await recordedCalls(s.emulator)).length;

      const refused = await api.refund(order.id, { lines: [{ line: 'SB-TEE', quantity: 1 }] });
      const preview = await api.preview(order.id, { lines: [{ line: 'SB-TEE', quantity: 1 }] });

      expect([refused.status, preview.status]).toEqual([403, 403]);
      expect((await recordedCalls(s.emulator)).length).toBe(before);
      const audit = await s.store.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'user_name'])
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'refund.create', outcome: 'refused', user_name: 'read_only' },
        { action: 'refund.preview', outcome: 'refused', user_name: 'read_only' },
      ]);
      expect(await s.store.db.selectFrom('outbound_requests').selectAll().execute()).toEqual([]);
    });
  },
);
