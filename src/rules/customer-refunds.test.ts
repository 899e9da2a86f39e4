import { describe, expect, it } from 'vitest';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { aTransaction, refundOf, shipped } from '../domain/testing/refund-builders.ts';
import { decide, invoicedAs, refundShop, render, type RefundCase } from './testing/refund-fixtures.ts';

/**
 * seed 000 "Import Customer Refunds": each refund transaction paid in Shopify becomes a customer
 * refund (Status Paid, Our Ref the cash sale, Payment Method the gateway, Pay from the refund
 * pay-from account); pending transactions wait; failed ones are never paid. And the POS's
 * zero-amount refunds. A shipped Tee at 25.00, sold as cash sale CS-000001.
 */
const tee = aLine({ shopifyId: '9001', sku: 'SB-TEE', title: 'Tee', quantity: 2, unitPrice: bag(2500) });
const order = shipped(anOrder({ lines: [tee] }));
const cashSale = invoicedAs(order, 'CS-000001');
const refundTransaction = (id: string, amount: number, overrides = {}) =>
  aTransaction({ shopifyId: id, kind: 'refund', amount: bag(amount), parentShopifyId: '5001', ...overrides });
const returnOne = { lines: [{ line: '9001', quantity: 1, restock: 'return' as const }] };

describe('seed 000: the customer refund', () => {
  it('is paid, linked to the cash sale, paid by the gateway from the refund pay-from account', () => {
    const outcome = decide({ order, refund: refundOf(order, returnOne), documents: cashSale });
    if (!outcome.ok || outcome.decision.outcome !== 'documents') throw new Error('expected documents');
    expect(outcome.decision.documents.find((d) => d.kind === 'customer_refund')).toEqual({
      kind: 'customer_refund',
      status: 'paid',
      shopCode: 'WEB',
      shopifyOrderId: '1001',
      shopifyOrderName: '#1001',
      shopifyRefundId: '7001',
      shopifyTransactionId: '70011',
      appliesTo: { type: 'cash_sale', number: 'CS-000001' },
      paymentMethod: 'shopify_payments',
      payFromAccount: '1010',
      paymentReference: 're_7001',
      currency: 'USD',
      exchangeRate: null,
      documentDate: '2025-03-05',
      amount: { minor: 2500, currency: 'USD' },
    });
  });
});

const transactionCases: RefundCase[] = [
  {
    name: 'seed 000: one customer refund per transaction; money put back on a gift card is paid from the gift card account',
    order,
    refund: refundOf(order, {
      ...returnOne,
      transactions: [
        refundTransaction('51', 1000, { gateway: 'gift_card' }),
        refundTransaction('52', 1500, { gateway: 'shopify_payments' }),
      ],
    }),
    documents: cashSale,
    expected: [
      'quantity_and_amount',
      'credit_memo applies to CS-000001 | 25.00 + tax 0.00 = 25.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc RETURNS | restocked',
      'customer_refund paid 10.00 via gift_card from 2200 applies to CS-000001',
      'customer_refund paid 15.00 via shopify_payments from 1010 applies to CS-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'POS cash refund: payment method "cash"',
    order,
    refund: refundOf(order, { ...returnOne, gateway: 'cash' }),
    documents: cashSale,
    expected: [
      'quantity_and_amount',
      'credit_memo applies to CS-000001 | 25.00 + tax 0.00 = 25.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc RETURNS | restocked',
      'customer_refund paid 25.00 via cash from 1010 applies to CS-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'the shop does not create customer refunds (createCustomerRefunds off): the credit memo only',
    order,
    refund: refundOf(order, returnOne),
    documents: cashSale,
    shop: refundShop({ createCustomerRefunds: false }),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to CS-000001 | 25.00 + tax 0.00 = 25.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc RETURNS | restocked',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'pending refund transaction: wait until it settles',
    order,
    refund: refundOf(order, { ...returnOne, status: 'pending' }),
    documents: cashSale,
    expected: ['wait: transactions_pending 70011'],
  },
  {
    name: 'one transaction settled, one awaiting the gateway: the whole refund waits',
    order,
    refund: refundOf(order, {
      ...returnOne,
      transactions: [
        refundTransaction('51', 1000),
        refundTransaction('52', 1500, { status: 'awaiting_response' }),
      ],
    }),
    documents: cashSale,
    expected: ['wait: transactions_pending 52'],
  },
  {
    name: 'failed refund transaction, nothing returned: recorded, not converted',
    order,
    refund: refundOf(order, {
      lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }],
      status: 'failure',
    }),
    documents: cashSale,
    expected: ['not convertible: transactions_failed'],
  },
  {
    name: 'failed refund transaction, goods returned: the goods are credited (zero amount), the money not paid',
    order,
    refund: refundOf(order, { ...returnOne, status: 'failure' }),
    documents: cashSale,
    expected: [
      'quantity_only',
      'inventory_credit_memo applies to CS-000001 | 0.00 + tax 0.00 = 0.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 25.00 | amount 0.00 | tax 0.00 | loc RETURNS | restocked',
      'stock return 1000 @RETURNS on hand +1 released 0',
      'not paid: transaction 70011 failure',
    ],
  },
];

describe('refund transactions: paid, pending, failed', () => {
  it.each(transactionCases)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});

const pos = shipped(anOrder({ lines: [tee], sourceName: 'pos', channel: 'Point of Sale' }));
const atTheStore = refundShop({ returnLocationPriority: 'original_then_default' });
const posCases: RefundCase[] = [
  {
    name: 'POS zero-amount refund of a returned item restocked at the store -> zero-amount ICM at STORE',
    order: pos,
    refund: refundOf(pos, {
      lines: [{ line: '9001', quantity: 1, restock: 'return', location: '3' }],
      refunded: 0,
    }),
    documents: invoicedAs(pos, 'CS-000002'),
    shop: atTheStore,
    expected: [
      'quantity_only',
      'inventory_credit_memo applies to CS-000002 | 0.00 + tax 0.00 = 0.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 25.00 | amount 0.00 | tax 0.00 | loc STORE | restocked',
      'stock return 1000 @STORE on hand +1 released 0',
    ],
  },
  {
    name: 'POS zero-amount refund of a returned item not restocked -> zero-amount ICM on the non-restock account',
    order: pos,
    refund: refundOf(pos, {
      lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }],
      refunded: 0,
      returnId: '2001',
    }),
    documents: invoicedAs(pos, 'CS-000002'),
    shop: atTheStore,
    expected: [
      'quantity_only',
      'inventory_credit_memo applies to CS-000002 | 0.00 + tax 0.00 = 0.00',
      '  1 gl_account 4910 "Not restocked: Tee" | 1 x 25.00 | disc 25.00 | amount 0.00 | tax 0.00 | loc - | not_restocked',
    ],
  },
  {
    name: 'POS zero-amount refund with no money and no goods back -> recorded, not converted (seed 002)',
    order: pos,
    refund: {
      ...refundOf(pos, { lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }], refunded: 0 }),
      adjustments: [],
    },
    documents: invoicedAs(pos, 'CS-000002'),
    expected: ['not convertible: zero_amount_from_edit'],
  },
];

describe('POS zero-amount refunds', () => {
  it.each(posCases)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});
