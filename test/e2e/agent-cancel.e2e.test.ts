import { afterEach, describe, expect, it } from 'vitest';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { agentApi } from '../support/e2e/agent-api.ts';
import { autoCreditMemos, openScenario, type Scenario } from '../support/e2e/scenario.ts';
import { recordedCalls } from '../support/e2e/shop-emulator.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

async function open(role: 'agent' | 'read_only' = 'agent') {
  scenario = await openScenario({
    shop: autoCreditMemos,
  });
  const user = await addTestUser(scenario.store.db, role);
  return { s: scenario, api: agentApi(scenario.server, scenario.shopCode, user.apiKey) };
}

async function shopifyOrder(s: Scenario, gid: string) {
  const { order } = await s.merchant.api.graphql<{
    order: {
      cancelledAt: string | null;
      displayFinancialStatus: string;
      totalRefundedSet: { presentmentMoney: { amount: string } };
    };
  }>(
    `query O($id: ID!) { order(id: $id) { cancelledAt displayFinancialStatus totalRefundedSet { presentmentMoney { amount } } } }`,
    { id: gid },
  );
  return order;
}

const sent = async (s: Scenario, name: string) =>
  (await recordedCalls(s.emulator)).filter((call) => call.operation.includes(name)).length;

describe('agent cancel (issue 8 item 3, seeds 001 and 002)', { timeout: 240_000 }, () => {
  it('cancels an unfulfilled order refunding everything by default, once per key, and the sync sees it', async () => {
    const { s, api } = await open();
    const order = await s.merchant.placeOrder();
    await s.storebridge.syncOrders();

    const cancelled = await api.cancel(order.name, {
      reason: 'customer',
      restock: true,
      staffNote: 'asked by phone',
    });
    const again = await api.cancel(order.name, {
      reason: 'customer',
      restock: true,
      staffNote: 'asked by phone',
    });

    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ ok: true, replayed: false, sync: { synced: true } });
    expect(again.body).toMatchObject({ ok: true, replayed: true });
    expect(await sent(s, 'OrderCancel')).toBe(1);
    const shown = await shopifyOrder(s, order.gid);
    expect(shown.cancelledAt).not.toBeNull();
    expect(Number(shown.totalRefundedSet.presentmentMoney.amount)).toBe(67.5);
    expect((await s.storebridge.order(order.id)).cancelledAt).not.toBeNull();
  });

  it('a partial refund amount: cancelled without refund, then that amount refunded', async () => {
    const { s, api } = await open();
    const order = await s.merchant.placeOrder();
    await s.storebridge.syncOrders();

    const cancelled = await api.cancel(order.id, { refundAmount: '20.00', staffNote: 'keeps the deposit' });

    expect(cancelled.body).toMatchObject({
      ok: true,
      result: { refund: { total: '20.00' }, refundUserErrors: [] },
    });
    expect(Number((await shopifyOrder(s, order.gid)).totalRefundedSet.presentmentMoney.amount)).toBe(20);
    const above = await api.cancel((await s.merchant.placeOrder()).id, { refundAmount: '99.00' });
    expect(above.status).toBe(400);
    expect(above.body.error?.message).toContain('refundAmount');
  });

  it('refuses before sending when Shopify would: fulfilled items, already cancelled', async () => {
    const { s, api } = await open();
    const shipped = await s.merchant.placeOrder();
    await s.merchant.fulfil(shipped);
    const gone = await s.merchant.placeOrder();
    await s.merchant.cancel(gone, { refund: true, restock: true });
    await s.storebridge.syncOrders();
    const before = await sent(s, 'OrderCancel');

    const fulfilled = await api.cancel(shipped.id);
    const already = await api.cancel(gone.id);

    expect(fulfilled.status).toBe(422);
    expect(fulfilled.body.error).toMatchObject({ code: 'order_not_cancellable' });
    expect(fulfilled.body.error?.message).toContain('has 3 fulfilled item(s)');
    expect(already.body.error?.message).toContain('is already cancelled');
    expect(await sent(s, 'OrderCancel')).toBe(before);
    const audit = await s.store.db.selectFrom('audit_log').select(['action', 'outcome']).execute();
    expect(audit).toEqual([
      { action: 'order.cancel', outcome: 'refused' },
      { action: 'order.cancel', outcome: 'refused' },
    ]);
  });

  it('a read-only user may not cancel (403, nothing sent)', async () => {
    const { s, api } = await open('read_only');
    const order = await s.merchant.placeOrder();
    const before = (await recordedCalls(s.emulator)).length;
    const refused = await api.cancel(order.id);
    expect(refused.status).toBe(403);
    expect((await recordedCalls(s.emulator)).length).toBe(before);
  });
});

describe('mark as paid (seed 002 "Mark as Paid")', { timeout: 240_000 }, () => {
  it('marks a pending order paid once; a paid order is refused before sending', async () => {
    const { s, api } = await open();
    const unpaid = await s.merchant.placeOrder({ paid: false });
    const paid = await s.merchant.placeOrder();
    await s.storebridge.syncOrders();

    const marked = await api.markAsPaid(unpaid.name);
    const again = await api.markAsPaid(unpaid.name);
    const refused = await api.markAsPaid(paid.id);

    expect(marked.body).toMatchObject({ ok: true, replayed: false, result: { financialStatus: 'PAID' } });
    expect(again.body).toMatchObject({ ok: true, replayed: true });
    expect((await shopifyOrder(s, unpaid.gid)).displayFinancialStatus).toBe('PAID');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'order_not_pending_payment' });
    expect(await sent(s, 'OrderMarkAsPaid')).toBe(1);
    expect((await s.storebridge.order(unpaid.id)).financialStatus).toBe('paid');
  });
});
