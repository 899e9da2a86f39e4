import { afterEach, expect, it } from 'vitest';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { runOrderSync } from '../../src/jobs/handlers.ts';
import { createAgentRefund, shopifyClientFor, type OutboundDeps } from '../../src/outbound/index.ts';
import { syncDeps } from '../../src/sync/index.ts';
import { itemNo } from '../support/e2e/documents.ts';
import { autoCreditMemos, openScenario, type Scenario } from '../support/e2e/scenario.ts';
import { describeOnEachBackend } from '../support/test-store.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

/**
 * Issue 8 item 4: the agent's refund, the same refund arriving by webhook (the order sync job a
 * refunds/create delivery enqueues) and the periodic poll, all three at once, book it once: one
 * credit memo, one customer refund, one set of G/L entries, the stock back once. On PostgreSQL
 * the three run on separate connections and really overlap; the per-order locks and the unique
 * (shop, refund, document kind) keys are what make them one.
 */
describeOnEachBackend('an agent refund racing its webhook and the poll', (backend) => {
  it('books one credit memo and one customer refund, G/L and stock once', async () => {
    scenario = await openScenario({
      backend,
      shop: autoCreditMemos,
    });
    const s = scenario;
    const { actor } = await addTestUser(s.store.db, 'agent');
    const order = await s.merchant.placeOrder();
    await s.merchant.fulfil(order);
    await s.storebridge.syncOrders();
    const stockBefore = await s.storebridge.stock();
    const sync = syncDeps({ db: s.store.db, secretKey: s.secretKey });
    const others: Promise<unknown>[] = [];
    // As soon as Shopify has the refund, its webhook's job and the poll start, while the
    // agent's own sync of the order is still to come.
    const deps: OutboundDeps = {
      sync,
      clientFor: (connection) => {
        const real = shopifyClientFor(connection);
        return {
          async request(operation, variables, options) {
            const result = await real.request(operation, variables, options);
            if (operation === 'RefundCreate')
              others.push(
                runOrderSync(sync, {
                  shopCode: s.shopCode,
                  shopifyOrderId: order.id,
                  cause: 'webhook refunds/create',
                }),
                s.storebridge.syncOrders(),
              );
            return result as never;
          },
        };
      },
    };

    const refunded = await createAgentRefund(deps, actor, s.shopCode, order.id, {
      lines: [{ line: 'SB-TEE', quantity: 1 }],
      restock: 'return',
      reason: 'race',
    });
    await Promise.all(others);
    await s.storebridge.syncOrders();

    expect(refunded).toMatchObject({ ok: true, sync: { synced: true } });
    const documents = await s.storebridge.documents(order.id);
    const creditMemos = documents.filter((d) => d.type === 'credit_memo');
    expect(creditMemos).toHaveLength(1);
    expect(documents.filter((d) => d.type === 'customer_refund')).toHaveLength(1);
    expect(await s.storebridge.refunds(order.id)).toMatchObject([{ status: 'processed' }]);
    const entries = await s.storebridge.gl(creditMemos[0]!.number ?? '');
    expect(entries.filter((e) => e.accountNo === '4000')).toEqual([
      expect.objectContaining({ debit: '25.00', credit: '0.00' }),
    ]);
    const onHand = (levels: Awaited<ReturnType<typeof s.storebridge.stock>>) =>
      levels
        .filter((level) => level.itemNo === itemNo['SB-TEE'])
        .reduce((total, level) => total + Number(level.onHand), 0);
    expect(onHand(await s.storebridge.stock())).toBe(onHand(stockBefore) + 1);
  }, 180_000);
});
