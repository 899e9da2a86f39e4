import { describe, expect, it } from 'vitest';
import { aTransaction, paid, refundOf, withRefund } from '../domain/testing/refund-builders.ts';
import { anOrder, bag } from '../domain/testing/order-builders.ts';
import {
  booked,
  cheaperExchange,
  document,
  inCad,
  invoice,
  ofRefund,
  reconcile,
  render,
  returned,
  returnTee,
  row,
  sold,
  tee,
  teeBack,
  mug,
  usd,
  type ReconciliationCase,
} from './testing/reconciliation-fixtures.ts';

/**
 * Reconciliation, one row per case an accountant checks: Shopify's figures for an order and its
 * refunds against the books (src/rules/testing/reconciliation-fixtures.ts: 2 Tees at 25.00 + 10%
 * tax and 3 Mugs at 12.50 = 92.50, invoiced SI-000001; refund 7001 returns a Tee, 27.50 back).
 * Each finding reads `<difference | expected reason> <cause> <refund> [item]: shopify <x> books <y>`.
 */
const cases: ReconciliationCase[] = [
  {
    name: 'an invoice of the order total, nothing refunded: nothing to report',
    order: sold,
    documents: [invoice(9250)],
    expected: [],
  },
  {
    name: 'an imported order without its sales document',
    order: sold,
    expected: ['difference sales_document_missing -: shopify 92.50 books -'],
  },
  {
    name: 'documents not created yet (created on command, or unlinked): expected',
    order: sold,
    mirror: { processed: false },
    expected: ['documents_not_created sales_document_missing -: shopify 92.50 books -'],
  },
  {
    name: 'seed 002: an order cancelled before its documents, all money back: nothing is missing',
    order: {
      ...sold,
      cancelledAt: '2025-03-02T10:00:00Z',
      transactions: [
        aTransaction({ amount: bag(9250) }),
        aTransaction({ shopifyId: '5002', kind: 'refund', amount: bag(9250) }),
      ],
    },
    mirror: { processed: false },
    expected: [],
  },
  {
    name: 'an order cancelled with 10.00 kept and no document',
    order: {
      ...sold,
      cancelledAt: '2025-03-02T10:00:00Z',
      transactions: [
        aTransaction({ amount: bag(9250) }),
        aTransaction({ shopifyId: '5002', kind: 'refund', amount: bag(8250) }),
      ],
    },
    mirror: { processed: false },
    expected: ['difference sales_document_missing -: shopify 10.00 books -'],
  },
  {
    name: "the invoice is not Shopify's total",
    order: sold,
    documents: [invoice(9000)],
    expected: ['difference sales_document_amount_differs -: shopify 92.50 books 90.00'],
  },
  {
    name: 'the order changed in Shopify after its documents (seed 002 conflict): expected',
    order: sold,
    documents: [invoice(9000)],
    mirror: { conflict: true },
    expected: ['order_conflict sales_document_amount_differs -: shopify 92.50 books 90.00'],
  },
  {
    name: 'a Tee returned after the invoice: credit memo 27.50, customer refund 27.50, the Tee back in stock',
    order: returned,
    documents: [invoice(9250), ...booked],
    movements: [teeBack],
    expected: [],
  },
  {
    name: 'the credit memo credits 25.00 of the 27.50 refunded',
    order: returned,
    documents: [
      invoice(9250),
      ofRefund('credit_memo', 'CM-000001', 2500),
      ofRefund('customer_refund', 'CR-000001', 2750),
    ],
    movements: [teeBack],
    expected: ['difference credit_memo_amount_differs 7001: shopify 27.50 books 25.00'],
  },
  {
    name: 'seed 000: the money went back in Shopify, no customer refund in the books',
    order: returned,
    documents: [invoice(9250), ofRefund('credit_memo', 'CM-000001', 2750)],
    movements: [teeBack],
    expected: ['difference customer_refund_missing 7001: shopify 27.50 books -'],
  },
  {
    name: 'the customer refund pays another amount than the refund transaction',
    order: returned,
    documents: [
      invoice(9250),
      ofRefund('credit_memo', 'CM-000001', 2750),
      ofRefund('customer_refund', 'CR-000001', 2500),
    ],
    movements: [teeBack],
    expected: ['difference customer_refund_amount_differs 7001: shopify 27.50 books 25.00'],
  },
  {
    name: 'a shop that does not create customer refunds is not asked for them',
    order: returned,
    documents: [invoice(9250), ofRefund('credit_memo', 'CM-000001', 2750)],
    movements: [teeBack],
    settings: { createCustomerRefunds: false },
    expected: [],
  },
  {
    name: 'seed 004 4.4: Shopify restocked the Tee, the books did not take it back',
    order: returned,
    documents: [invoice(9250), ...booked],
    expected: ['difference restock_quantity_differs 7001 item 1000: shopify 1 books 0'],
  },
  {
    name: 'not restocked: no stock comes back, none is expected',
    order: withRefund(
      sold,
      refundOf(sold, { lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }] }),
    ),
    documents: [invoice(9250), ...booked],
    expected: [],
  },
  {
    name: 'refund before the invoice: the invoice holds the rest (65.00), only the money goes out, no stock moves',
    order: returned,
    documents: [invoice(6500, ['7001']), ofRefund('customer_refund', 'CR-000001', 2750)],
    expected: [],
  },
  {
    name: 'refund before the invoice, 2.50 less paid back: the 2.50 kept is invoiced by the refund',
    order: withRefund(sold, refundOf(sold, { lines: [{ line: '9001', quantity: 1 }], refunded: 2500 })),
    documents: [
      invoice(6500, ['7001']),
      ofRefund('sales_invoice', 'SI-000002', 250),
      ofRefund('customer_refund', 'CR-000001', 2500),
    ],
    expected: [],
  },
  {
    name: 'seed 004 4.5 quantity only, before the invoice: the Tee left out of it and nothing paid back is to invoice',
    order: withRefund(sold, refundOf(sold, { lines: [{ line: '9001', quantity: 1 }], refunded: 0 })),
    documents: [invoice(6500, ['7001'])],
    expected: ['difference credit_memo_amount_differs 7001: shopify -27.50 books 0.00'],
  },
  {
    name: 'a cheaper exchange before the invoice: the Sock is on it, only the 19.50 difference goes back',
    order: cheaperExchange,
    documents: [invoice(7300, ['7001']), ofRefund('customer_refund', 'CR-000001', 1950)],
    expected: [],
  },
  {
    name: 'a cheaper exchange before the invoice, the Sock charged again by the refund: a difference',
    order: cheaperExchange,
    documents: [
      invoice(7300, ['7001']),
      ofRefund('sales_invoice', 'SI-000002', 800),
      ofRefund('customer_refund', 'CR-000001', 1950),
    ],
    expected: ['difference credit_memo_amount_differs 7001: shopify 0.00 books -8.00'],
  },
  {
    name: 'an amount-only refund of 5.00 after the invoice: credit memo 5.00, no stock',
    order: withRefund(sold, refundOf(sold, { refunded: 500 })),
    documents: [
      invoice(9250),
      ofRefund('credit_memo', 'CM-000001', 500),
      ofRefund('customer_refund', 'CR-000001', 500),
    ],
    expected: [],
  },
  {
    name: 'a return refunded in CAD, the shop money a cent under the goods: conversion, not an exchange',
    order: (() => {
      const refund = inCad({ ...returnTee, returnShopifyId: '2001' });
      const short = {
        ...refund,
        transactions: refund.transactions.map((t) => ({ ...t, amount: { ...t.amount, shop: usd(2749) } })),
      };
      return withRefund(inCad(sold), short);
    })(),
    documents: [
      invoice(6500, ['7001']),
      ofRefund('sales_invoice', 'SI-000002', 1),
      ofRefund('customer_refund', 'CR-000001', 2749),
    ],
    expected: [],
  },
  {
    name: 'a cheaper exchange in CAD before the invoice, the refund converted a cent over the difference: the cent is credited',
    order: (() => {
      const order = inCad(cheaperExchange);
      const [refund] = order.refunds;
      const over = {
        ...refund!,
        transactions: refund!.transactions.map((t) => ({ ...t, amount: { ...t.amount, shop: usd(1951) } })),
      };
      const exchange = { shopifyId: '2001', name: '#1001-R1', status: 'CLOSED', lines: [] };
      return { ...order, refunds: [over], returns: [{ ...exchange, exchangeLineShopifyIds: ['9003'] }] };
    })(),
    documents: [
      invoice(7300, ['7001']),
      ofRefund('credit_memo', 'CM-000001', 1),
      ofRefund('customer_refund', 'CR-000001', 1951),
    ],
    expected: [],
  },
  {
    name: 'a refund waiting for its pending transaction: expected',
    order: returned,
    documents: [invoice(9250)],
    rows: [row('waiting', 'transactions_pending')],
    expected: ['refund_waiting refund_not_booked 7001: shopify 27.50 books -'],
  },
  {
    name: 'seed 002: a zero-amount refund from an edit, not convertible: expected',
    order: withRefund(
      sold,
      refundOf(sold, { lines: [{ line: '9002', quantity: 1, restock: 'cancel' }], refunded: 0 }),
    ),
    documents: [invoice(8000, ['7001'])],
    rows: [row('not_convertible', 'zero_amount_from_edit')],
    expected: ['refund_not_convertible refund_not_booked 7001: shopify 0.00 books -'],
  },
  {
    name: 'seed 002 "import only": a refund nobody processed yet is expected',
    order: returned,
    documents: [invoice(9250)],
    rows: [row('pending')],
    settings: { returnsAndRefundsMode: 'import_only' },
    expected: ['import_only refund_not_booked 7001: shopify 27.50 books -'],
  },
  {
    name: 'seed 000: a refund kept in error is a difference',
    order: returned,
    documents: [invoice(9250)],
    rows: [row('error')],
    expected: ['difference refund_not_booked 7001: shopify 27.50 books -'],
  },
  {
    name: 'a refund never recorded is a difference',
    order: returned,
    documents: [invoice(9250)],
    rows: [],
    expected: ['difference refund_not_booked 7001: shopify 27.50 books -'],
  },
  {
    name: 'not shipped yet: the sales order changed (27.50 off, the Tee released): nothing to report',
    order: withRefund(
      paid(anOrder({ lines: [tee, mug] })),
      refundOf(sold, { lines: [{ line: '9001', quantity: 1, restock: 'cancel' }] }),
    ),
    documents: [
      document('sales_order', 'SO-000001', 6500),
      document('sales_order_change', 'SOC-000001', 2750, {
        shopifyRefundId: '7001',
        lines: [{ type: 'item', no: '1000', quantity: 1, reason: 'restocked' }],
      }),
      ofRefund('customer_refund', 'CR-000001', 2750),
    ],
    expected: [],
  },
  {
    name: 'books documents for a refund Shopify does not have',
    order: sold,
    documents: [invoice(9250), ofRefund('credit_memo', 'CM-000009', 1000, '7999')],
    expected: ['difference refund_not_in_shopify 7999: shopify - books 10.00'],
  },
];

describe('reconciliation: Shopify against the books, per order and refund', () => {
  it.each(cases)('$name', (c) => {
    const result = reconcile(c);
    expect(result.refunds).toBe(c.order.refunds.length);
    expect(result.findings.map(render)).toEqual(c.expected);
  });

  it('names the order and says why, in words', () => {
    const [finding] = reconcile({
      name: 'a refund without its credit memo',
      order: returned,
      documents: [invoice(9250), ofRefund('customer_refund', 'CR-000001', 2750)],
      expected: [],
    }).findings;
    expect(finding).toMatchObject({ shopifyOrderId: '1001', orderName: '#1001', shopifyRefundId: '7001' });
    expect(finding?.message).toBe(
      'Refund 7001 of order #1001: the books credit 0.00 (no credit document), Shopify refunded 27.50: 27.50 to credit',
    );
  });
});
