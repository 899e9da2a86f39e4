import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Order, OrderLine } from '../domain/order.ts';
import { aLine, anOrder, aShippingLine, bag } from '../domain/testing/order-builders.ts';
import { refundOf, shipped, withRefund } from '../domain/testing/refund-builders.ts';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import { openRefundBooks, testAccounts } from './testing/refund-books.ts';

/**
 * A refund of a shipped, invoiced order, from the rule's decision to the books (docs/refunds.md
 * "For books/ and sync/"): documents with their lines and reasons, postings that balance, stock
 * movements, a replay that writes nothing, a refusal that writes nothing. On hand starts from
 * the opening stock (10 of each at MAIN); the invoice takes the sold units out, the refund puts
 * the restocked ones back.
 */
const tax = (minor: number) => [{ title: 'Sales tax', rate: '0.08', amount: bag(minor) }];
const tee = aLine({ shopifyId: '9001', sku: 'SB-TEE', title: 'Tee', quantity: 2, taxLines: tax(400) });
const mug = aLine({
  shopifyId: '9002',
  sku: 'SB-MUG',
  title: 'Mug',
  unitPrice: bag(1250),
  taxLines: tax(100),
});
const standard = aShippingLine({ shopifyId: '8001', title: 'Standard', price: bag(500) });

function order(id: number, lines: OrderLine[], shipping = [standard]): Order {
  return shipped(anOrder({ shopifyId: String(id), name: `#${id}`, lines, shippingLines: shipping }));
}

describeOnEachBackend('createRefundDocuments: shipped and invoiced orders', (backend) => {
  let books: Awaited<ReturnType<typeof openRefundBooks>>;
  beforeEach(async () => {
    books = await openRefundBooks(backend);
  });
  afterEach(async () => {
    await books.store.close();
  });

  it('credit memo with item and G/L lines and a paid customer refund; every posting balances; a replay writes nothing', async () => {
    const sold = order(1001, [tee, mug]);
    await books.sell(sold);
    const refund = refundOf(sold, {
      lines: [
        { line: '9001', quantity: 1, restock: 'return', location: '2' },
        { line: '9002', quantity: 1, restock: 'no_restock' },
      ],
      shipping: [{ line: '8001' }],
    });
    const now = withRefund(sold, refund);
    const decision = await books.decide(now, refund);
    const result = await books.write(now, refund, decision);
    expect(result).toMatchObject({ ok: true, created: true });

    const [invoice, creditMemo, customerRefund] = await books.documents('1001');
    expect(invoice).toMatchObject({
      number: 'SI-000001',
      status: 'posted',
      postedAt: '2025-03-10T12:00:00.000Z',
    });
    expect(creditMemo).toMatchObject({
      type: 'credit_memo',
      number: 'CM-000001',
      status: 'posted',
      shopifyRefundId: '7001',
      appliesTo: 'SI-000001',
      customerNo: 'C0001',
      amountIncludingTax: '45.50',
    });
    expect(
      creditMemo?.lines.map((l) => [
        l.type,
        l.no,
        l.quantity,
        l.amount,
        l.taxAmount,
        l.locationCode,
        l.reason,
      ]),
    ).toEqual([
      ['item', '1000', 1, '25.00', '2.00', 'EAST', 'restocked'],
      ['gl_account', testAccounts.refundNonRestockItems, 1, '12.50', '1.00', null, 'not_restocked'],
      ['gl_account', testAccounts.shippingCharges, 1, '5.00', '0.00', null, 'shipping'],
    ]);
    expect(customerRefund).toMatchObject({
      type: 'customer_refund',
      number: 'CR-000001',
      status: 'paid',
      appliesTo: 'SI-000001',
      paymentMethod: 'shopify_payments',
      paidFromAccount: '1020',
      paymentReference: 're_7001',
      shopifyTransactionId: '70011',
      amountIncludingTax: '45.50',
      lines: [],
    });

    expect(await books.journal()).toEqual({
      'SI-000001': ['Dr 1200 72.50', 'Cr 4000 50.00', 'Cr 4000 12.50', 'Cr 4100 5.00', 'Cr 2100 5.00'],
      'CM-000001': ['Cr 1200 45.50', 'Dr 4000 25.00', 'Dr 4510 12.50', 'Dr 4100 5.00', 'Dr 2100 3.00'],
      'CR-000001': ['Dr 1200 45.50', 'Cr 1020 45.50'],
    });
    expect(await books.unbalanced()).toEqual([]);
    // seed 002 "original > default": back at EAST, where Shopify restocked it; the Mug stays out.
    // 2 Tees and a Mug invoiced out of MAIN; one Tee back at EAST.
    expect(await books.stock('1000')).toEqual(['1000@EAST 1/0/1', '1000@MAIN 8/0/8']);
    expect(await books.stock('1001')).toEqual(['1001@MAIN 9/0/9']);

    const before = await books.footprint();
    const replay = await books.write(now, refund, decision);
    expect(replay).toEqual({ ok: true, created: false, documents: result.ok ? result.documents : [] });
    expect(await books.footprint()).toEqual(before);
  });

  it('quantity only: a zero-amount inventory credit memo, stock back, no G/L and no payment (seed 004 example 1)', async () => {
    const sold = order(1002, [tee], []);
    await books.sell(sold);
    const refund = refundOf(sold, { lines: [{ line: '9001', quantity: 2, restock: 'return' }], refunded: 0 });
    const now = withRefund(sold, refund);
    const result = await books.write(now, refund, await books.decide(now, refund));
    expect(result).toMatchObject({ ok: true, created: true });
    const [, icm] = await books.documents('1002');
    expect(icm).toMatchObject({
      type: 'inventory_credit_memo',
      number: 'ICM-000001',
      amountIncludingTax: '0.00',
    });
    expect(icm?.lines.map((l) => [l.no, l.quantity, l.amount, l.reason])).toEqual([
      ['1000', 2, '0.00', 'restocked'],
    ]);
    expect(Object.keys(await books.journal())).toEqual(['SI-000001']);
    // 2 Tees invoiced out, both back.
    expect(await books.stock('1000')).toEqual(['1000@MAIN 10/0/10']);
  });

  it('pricier exchange: a sales invoice of the 15.00 due, posted; the Tee back, the Cap out', async () => {
    const sold = order(1003, [aLine({ shopifyId: '9001', sku: 'SB-TEE', title: 'Tee' })], []);
    await books.sell(sold);
    const cap = aLine({ shopifyId: '9013', sku: 'SB-CAP', title: 'Cap', unitPrice: bag(4000) });
    const exchanged: Order = {
      ...sold,
      lines: [...sold.lines, cap],
      returns: [
        {
          shopifyId: '2001',
          name: '#1003-R1',
          status: 'open',
          lines: [
            { shopifyId: '2101', lineShopifyId: '9001', quantity: 1, refundedQuantity: 0, reasonNote: null },
          ],
          exchangeLineShopifyIds: [],
        },
      ],
    };
    const refund = refundOf(exchanged, {
      lines: [{ line: '9001', quantity: 1, restock: 'return' }],
      returnId: '2001',
      exchangeCredit: 4000,
    });
    const decision = await books.decide(exchanged, refund, [
      { returnShopifyId: '2001', lineShopifyIds: ['9013'] },
    ]);
    expect(await books.write(exchanged, refund, decision)).toMatchObject({ ok: true, created: true });
    const [, charge] = await books.documents('1003');
    expect(charge).toMatchObject({
      type: 'sales_invoice',
      number: 'SI-000002',
      shopifyRefundId: '7001',
      appliesTo: 'SI-000001',
    });
    expect((await books.journal())['SI-000002']).toEqual(['Dr 1200 15.00', 'Dr 4000 25.00', 'Cr 4000 40.00']);
    expect(await books.unbalanced()).toEqual([]);
    expect([...(await books.stock('1000')), ...(await books.stock('1002'))]).toEqual([
      '1000@MAIN 10/0/10', // 1 Tee invoiced out, back with the return
      '1002@MAIN 4/0/4',
    ]);
  });

  it('refuses when posting needs an account that is not set, naming it, and writes nothing', async () => {
    const sold = order(1004, [tee], []);
    await books.sell(sold);
    const refund = refundOf(sold, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] });
    const now = withRefund(sold, refund);
    const decision = await books.decide(now, refund);
    const { receivable: _unset, ...accounts } = books.shop.accounts;
    const before = await books.footprint();
    const refused = await books.write(now, refund, decision, { ...books.shop, accounts });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'account_not_set',
        message: 'accounts.receivable not set: needed to post credit memo (Refund 7001 of #1004)',
      },
    });
    expect(await books.footprint()).toEqual(before);
    expect(await books.write(now, refund, decision)).toMatchObject({ ok: true, created: true });
    expect(await books.unbalanced()).toEqual([]);
  });
});
