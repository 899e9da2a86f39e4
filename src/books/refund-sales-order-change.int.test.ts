import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Order } from '../domain/order.ts';
import { aLine, anOrder, aShippingLine, bag } from '../domain/testing/order-builders.ts';
import { paid, refundOf, withRefund } from '../domain/testing/refund-builders.ts';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import { addTestUser } from '../access/testing/test-users.ts';
import { postShipment } from './shipments/index.ts';
import { openRefundBooks } from './testing/refund-books.ts';

/**
 * A refund of an order not shipped yet (seed 004 4.1 "Released: order allocated but not
 * fulfilled -> refunds may create adjustments"): no invoice to credit, so the released sales
 * order is changed, its allocation released (ATS = on hand - released, seed 004 4.6), units not
 * restocked adjusted out (seed 004 4.4), and the money paid back on a customer refund.
 */
const tee = aLine({ shopifyId: '9001', sku: 'SB-TEE', title: 'Tee', quantity: 2 });
const mug = aLine({ shopifyId: '9002', sku: 'SB-MUG', title: 'Mug', unitPrice: bag(1250) });
const standard = aShippingLine({ shopifyId: '8001', title: 'Standard', price: bag(500) });
const unshipped: Order = paid(anOrder({ lines: [tee, mug], shippingLines: [standard] }));

describeOnEachBackend('createRefundDocuments: released sales orders', (backend) => {
  let books: Awaited<ReturnType<typeof openRefundBooks>>;
  beforeEach(async () => {
    books = await openRefundBooks(backend);
  });
  afterEach(async () => {
    await books.store.close();
  });

  it('changes the sales order, releases its allocation, adjusts out what is not restocked; ATS follows', async () => {
    const [salesOrder] = await books.sell(unshipped, { ...books.shop, autoReleaseSalesOrders: true });
    expect(salesOrder).toMatchObject({
      number: 'SO-000001',
      status: 'released',
      amountIncludingTax: '67.50',
    });
    expect(await books.stock('1000')).toEqual(['1000@MAIN 10/2/8']);
    expect(await books.stock('1001')).toEqual(['1001@MAIN 10/1/9']);

    const refund = refundOf(unshipped, {
      lines: [
        { line: '9001', quantity: 1, restock: 'cancel' },
        { line: '9002', quantity: 1, restock: 'no_restock' },
      ],
    });
    const now = withRefund(unshipped, refund);
    const decision = await books.decide(now, refund);
    const result = await books.write(now, refund, decision);
    expect(result).toMatchObject({ ok: true, created: true });

    const [changed, change, customerRefund, adjustment] = await books.documents('1001');
    expect(changed).toMatchObject({ number: 'SO-000001', status: 'released', amountIncludingTax: '30.00' });
    expect(changed?.lines.map((l) => [l.no, l.quantity, l.amount, l.releasedQuantity])).toEqual([
      ['1000', 1, '25.00', 1],
      ['1001', 0, '0.00', 0],
      ['4100', 1, '5.00', 0],
    ]);
    expect(change).toMatchObject({
      type: 'sales_order_change',
      number: 'SOC-000001',
      status: 'applied',
      appliesTo: 'SO-000001',
      postedAt: null,
      amountIncludingTax: '37.50',
    });
    expect(
      change?.lines.map((l) => [l.no, l.quantity, l.reason, l.salesOrderLineNo, l.releasedQuantityChange]),
    ).toEqual([
      ['1000', 1, 'restocked', 1, -1],
      ['1001', 1, 'not_restocked', 2, -1],
    ]);
    expect(customerRefund).toMatchObject({
      type: 'customer_refund',
      appliesTo: 'SO-000001',
      amountIncludingTax: '37.50',
    });
    // seed 004 FAQ: "processes it as an inventory adjustment".
    expect(adjustment).toMatchObject({
      type: 'inventory_adjustment',
      number: 'IA-000001',
      appliesTo: 'SO-000001',
    });
    expect(adjustment?.lines.map((l) => [l.no, l.quantity, l.locationCode, l.reason])).toEqual([
      ['1001', -1, 'MAIN', 'not_restocked'],
    ]);

    // Sales orders and their changes are not posted: only the money paid back is.
    expect(await books.journal()).toEqual({ 'CR-000001': ['Dr 1200 37.50', 'Cr 1020 37.50'] });
    expect(await books.stock('1000')).toEqual(['1000@MAIN 10/1/9']);
    expect(await books.stock('1001')).toEqual(['1001@MAIN 9/0/9']);

    const before = await books.footprint();
    expect(await books.write(now, refund, decision)).toMatchObject({ ok: true, created: false });
    expect(await books.footprint()).toEqual(before);
  });

  it('cancelling the paid order takes every line and the shipping charge off and releases everything', async () => {
    await books.sell(unshipped, { ...books.shop, autoReleaseSalesOrders: true });
    const cancelled = { ...unshipped, cancelledAt: '2025-03-02T09:00:00Z', cancelReason: 'customer' };
    const refund = refundOf(cancelled, {
      lines: [
        { line: '9001', quantity: 2, restock: 'cancel' },
        { line: '9002', quantity: 1, restock: 'cancel' },
      ],
      shipping: [{ line: '8001' }],
    });
    const now = withRefund(cancelled, refund);
    expect(await books.write(now, refund, await books.decide(now, refund))).toMatchObject({ ok: true });
    const [salesOrder] = await books.documents('1001');
    expect(salesOrder).toMatchObject({ amount: '0.00', amountIncludingTax: '0.00' });
    expect(salesOrder?.lines.map((l) => [l.no, l.quantity, l.amount, l.releasedQuantity])).toEqual([
      ['1000', 0, '0.00', 0],
      ['1001', 0, '0.00', 0],
      ['4100', 1, '0.00', 0],
    ]);
    expect([...(await books.stock('1000')), ...(await books.stock('1001'))]).toEqual([
      '1000@MAIN 10/0/10',
      '1001@MAIN 10/0/10',
    ]);
    expect(await books.unbalanced()).toEqual([]);
  });

  it('refuses a decision made from a sales order that has changed since, and writes nothing', async () => {
    await books.sell(unshipped, { ...books.shop, autoReleaseSalesOrders: true });
    const first = refundOf(unshipped, {
      id: '7001',
      lines: [{ line: '9001', quantity: 2, restock: 'cancel' }],
    });
    const second = refundOf(unshipped, {
      id: '7002',
      lines: [{ line: '9001', quantity: 2, restock: 'cancel' }],
    });
    const stale = await books.decide(withRefund(unshipped, second), second);
    const now = withRefund(unshipped, first);
    expect(await books.write(now, first, await books.decide(now, first))).toMatchObject({ ok: true });
    const before = await books.footprint();
    const refused = await books.write(withRefund(now, second), second, stale);
    expect(refused).toMatchObject({ ok: false, error: { code: 'sales_order_changed' } });
    expect(await books.footprint()).toEqual(before);
  });

  it('refuses a refund that would take a line below the units a posted shipment took off it, and writes nothing', async () => {
    await books.sell(unshipped, { ...books.shop, autoReleaseSalesOrders: true });
    const { actor } = await addTestUser(books.store.db, 'agent');
    await postShipment(books.store.db, actor, {
      shopCode: 'WEB',
      salesOrderNo: 'SO-000001',
      lines: [{ lineNo: 1, quantity: 2 }],
    });
    // The two tees left the warehouse: refunding one back is a return, not a change of the order.
    const refund = refundOf(unshipped, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] });
    const now = withRefund(unshipped, refund);
    const before = await books.footprint();
    const refused = await books.write(now, refund, await books.decide(now, refund));
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'sales_order_shipped',
        message: expect.stringContaining(
          'Sales order SO-000001 line 1 has 2 shipped and the refund would leave 1',
        ),
      },
    });
    expect(await books.footprint()).toEqual(before);
    // A refund of the mug, not shipped yet, still changes the sales order.
    const mugRefund = refundOf(now, {
      id: '7003',
      lines: [{ line: '9002', quantity: 1, restock: 'cancel' }],
    });
    const later = withRefund(now, mugRefund);
    expect(await books.write(later, mugRefund, await books.decide(later, mugRefund))).toMatchObject({
      ok: true,
    });
  });
});
