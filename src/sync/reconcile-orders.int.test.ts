import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import type { Order } from '../domain/order.ts';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { refundOf, shipped, withRefund } from '../domain/testing/refund-builders.ts';
import { testAccounts } from '../books/testing/refund-books.ts';
import { loadDemoMasterData } from '../masterdata/index.ts';
import { NotFoundError } from '../shared/errors.ts';
import { addShop } from '../shops/index.ts';
import { reconcileOrders, syncDeps, syncOrders, unlinkOrder, type SyncDeps } from './index.ts';
import { FakeOrderSource } from './testing/fake-source.ts';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 10, 12, minute)).toISOString();

/** A shipped, paid order of two Tees (SB-TEE, item 1000) at 25.00, from Shopify location 1. */
function soldOrder(id: number): Order {
  return shipped(
    anOrder({
      shopifyId: String(id),
      name: `#${id}`,
      createdAt: at(1),
      updatedAt: at(1),
      lines: [aLine({ shopifyId: `${id}1`, sku: 'SB-TEE', quantity: 2, unitPrice: bag(2500) })],
    }),
  );
}

/** The same order later, one Tee returned and restocked, 25.00 paid back. */
function returnedLater(order: Order): Order {
  const refund = refundOf(order, {
    id: `${order.shopifyId}9`,
    createdAt: at(20),
    lines: [{ line: `${order.shopifyId}1`, quantity: 1 }],
  });
  return { ...withRefund(order, refund), updatedAt: at(20) };
}

describeOnEachBackend('reconcile orders (sync + books, real documents)', (backend) => {
  let store: TestStore;
  let source: FakeOrderSource;
  let deps: SyncDeps;
  const orders = [1001, 1002, 1003, 1004, 1005].map(soldOrder);

  beforeEach(async () => {
    store = await openTestStore(backend);
    await loadDemoMasterData(store.db);
    source = new FakeOrderSource(2);
    deps = { ...syncDeps({ db: store.db, secretKey: randomBytes(32) }), sourceFor: () => source };
    await addShop(deps, {
      code: 'WEB',
      shopifyDomain: 'web.myshopify.com',
      credentials: { accessToken: 'shpat_test' },
      autoCreateDocuments: true,
      returnsAndRefundsMode: 'auto_create_credit_memo',
      createCustomerRefunds: true,
      defaultReturnLocation: 'MAIN',
      customerMappingType: 'default_customer',
      defaultCustomerNo: 'C0001',
      accounts: testAccounts,
      locationMappings: [{ shopifyLocationId: '1', locationCode: 'MAIN', isDefault: true }],
    });
    source.put(...orders);
    await syncOrders(deps, 'WEB');
  });
  afterEach(async () => {
    await store.close();
  });

  it('walks the mirror page by page: refunds after the invoices reconcile, goods back included', async () => {
    source.put(returnedLater(orders[0]!), returnedLater(orders[3]!));
    await syncOrders(deps, 'WEB');

    const report = await reconcileOrders(deps, 'WEB', { pageSize: 2 });
    expect(report).toMatchObject({ orders: 5, refunds: 2, differences: [], expected: [] });
    expect(await reconcileOrders(deps, 'WEB', { shopifyOrderId: '1004' })).toMatchObject({
      orders: 1,
      refunds: 1,
      differences: [],
    });
  });

  it('an order whose documents were unlinked (seed 002): its refund is no longer in the books', async () => {
    source.put(returnedLater(orders[1]!));
    await syncOrders(deps, 'WEB');
    await unlinkOrder(deps, 'WEB', '1002');

    const report = await reconcileOrders(deps, 'WEB', { pageSize: 2 });
    expect(report.differences.map((f) => [f.shopifyOrderId, f.cause])).toEqual([
      ['1002', 'credit_memo_amount_differs'],
      ['1002', 'customer_refund_missing'],
    ]);
    expect(report.expected.map((f) => [f.shopifyOrderId, f.cause, f.expected])).toEqual([
      ['1002', 'sales_document_missing', 'documents_not_created'],
    ]);
  });

  it('an unknown shop or an order never imported is not found', async () => {
    await expect(reconcileOrders(deps, 'NOPE')).rejects.toBeInstanceOf(NotFoundError);
    await expect(reconcileOrders(deps, 'WEB', { shopifyOrderId: '999' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
