import { describe, expect, it } from 'vitest';
import type { Order, OrderLine } from '../domain/order.ts';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { paid, refundOf, shipped } from '../domain/testing/refund-builders.ts';
import { formatMoney } from '../money/index.ts';
import { decide, invoicedAs, render, salesOrderAs, type RefundCase } from './testing/refund-fixtures.ts';

/**
 * Exchanges (Shopify returns with exchange items): the exchange items are added to the order and
 * "the value of the returned items is applied to the exchange items", so the refund pays back
 * only the difference. The documents carry the net: the returned item credited, the exchange item
 * charged, never the returned value twice. A shipped Tee at 25.00 comes back as return 2001.
 */
const tee = aLine({ shopifyId: '9001', sku: 'SB-TEE', title: 'Tee', quantity: 1, unitPrice: bag(2500) });
const sold = shipped(anOrder({ lines: [tee] }));
const mug = aLine({ shopifyId: '9012', sku: 'SB-MUG', title: 'Mug', unitPrice: bag(1250) });
const jacket = aLine({ shopifyId: '9013', sku: 'SB-JACKET', title: 'Jacket', unitPrice: bag(4000) });
const largeTee = aLine({
  shopifyId: '9014',
  sku: 'SB-TEE',
  title: 'Tee',
  variantTitle: 'L',
  unitPrice: bag(2500),
});

function exchangedFor(order: Order, line: OrderLine): Order {
  return {
    ...order,
    lines: [...order.lines, line],
    returns: [
      {
        shopifyId: '2001',
        name: '#1001-R1',
        status: 'open',
        lines: [
          { shopifyId: '2101', lineShopifyId: '9001', quantity: 1, refundedQuantity: 0, reasonNote: null },
        ],
        exchangeLineShopifyIds: [],
      },
    ],
  };
}

const returnTee = (order: Order, exchangeCredit: number) =>
  refundOf(order, {
    lines: [{ line: '9001', quantity: 1, restock: 'return' }],
    returnId: '2001',
    exchangeCredit,
  });
const cheaper = exchangedFor(sold, mug);
const pricier = exchangedFor(sold, jacket);
const even = exchangedFor(sold, largeTee);
const pricierUnshipped = exchangedFor(paid(anOrder({ lines: [tee] })), jacket);
const exchanges = (id: string) => [{ returnShopifyId: '2001', lineShopifyIds: [id] }];

const cases: RefundCase[] = [
  {
    name: 'cheaper exchange: Tee 25.00 back, Mug 12.50 out, 12.50 refunded -> credit memo of the net',
    order: cheaper,
    refund: returnTee(cheaper, 1250),
    documents: invoicedAs(sold),
    exchanges: exchanges('9012'),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 12.50 + tax 0.00 = 12.50',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc RETURNS | restocked',
      '  2 item 1001 "Exchange item: Mug" | -1 x 12.50 | disc 0.00 | amount -12.50 | tax 0.00 | loc MAIN | exchange_item',
      'customer_refund paid 12.50 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
      'stock exchange_out 1001 @MAIN on hand -1 released 0',
    ],
  },
  {
    name: 'pricier exchange: Tee 25.00 back, Jacket 40.00 out, nothing refunded -> sales invoice of the 15.00 due',
    order: pricier,
    refund: returnTee(pricier, 4000),
    documents: invoicedAs(sold),
    exchanges: exchanges('9013'),
    expected: [
      'quantity_and_amount',
      'sales_invoice applies to SI-000001 | 15.00 + tax 0.00 = 15.00',
      '  1 item 1000 "Tee" | -1 x 25.00 | disc 0.00 | amount -25.00 | tax 0.00 | loc RETURNS | restocked',
      '  2 item 1002 "Exchange item: Jacket" | 1 x 40.00 | disc 0.00 | amount 40.00 | tax 0.00 | loc MAIN | exchange_item',
      'stock return 1000 @RETURNS on hand +1 released 0',
      'stock exchange_out 1002 @MAIN on hand -1 released 0',
    ],
  },
  {
    name: 'even exchange: another size at the same price -> zero-amount inventory credit memo (seed 004 4.5)',
    order: even,
    refund: returnTee(even, 2500),
    documents: invoicedAs(sold),
    exchanges: exchanges('9014'),
    expected: [
      'quantity_only',
      'inventory_credit_memo applies to SI-000001 | 0.00 + tax 0.00 = 0.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 25.00 | amount 0.00 | tax 0.00 | loc RETURNS | restocked',
      '  2 item 1000 "Exchange item: Tee - L" | -1 x 25.00 | disc -25.00 | amount 0.00 | tax 0.00 | loc MAIN | exchange_item',
      'stock return 1000 @RETURNS on hand +1 released 0',
      'stock exchange_out 1000 @MAIN on hand -1 released 0',
    ],
  },
  {
    name: 'cheaper exchange, the Mug already on the invoice (made after the exchange): only the Tee is credited',
    order: cheaper,
    refund: returnTee(cheaper, 1250),
    documents: invoicedAs(cheaper),
    exchanges: exchanges('9012'),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 25.00 + tax 0.00 = 25.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc RETURNS | restocked',
      'customer_refund paid 12.50 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'cheaper exchange refunded before the invoice was made: the invoice holds the net, only the money goes out',
    order: cheaper,
    refund: returnTee(cheaper, 1250),
    documents: invoicedAs({ ...cheaper, lines: [{ ...tee, currentQuantity: 0 }, mug] }),
    reflected: ['7001'],
    exchanges: exchanges('9012'),
    expected: [
      'quantity_and_amount',
      'customer_refund paid 12.50 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'pricier exchange on a released sales order: the Tee comes off, the Jacket is added and reserved',
    order: pricierUnshipped,
    refund: returnTee(pricierUnshipped, 4000),
    documents: salesOrderAs(paid(anOrder({ lines: [tee] })), 'released'),
    exchanges: exchanges('9013'),
    expected: [
      'quantity_and_amount',
      'sales_order_change applies to SO-000001 | -15.00 + tax 0.00 = -15.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | restocked | SO line 1 | released -1',
      '  2 item 1002 "Exchange item: Jacket" | -1 x 40.00 | disc 0.00 | amount -40.00 | tax 0.00 | loc MAIN | exchange_item | new line | released +1',
      'stock allocation_released 1000 @MAIN on hand 0 released -1',
      'stock allocation_reserved 1002 @MAIN on hand 0 released +1',
    ],
  },
];

describe('exchanges never credit twice', () => {
  it.each(cases)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });

  it('the pricier exchange leaves 15.00 due, and the documents say so', () => {
    const outcome = decide({
      order: pricier,
      refund: returnTee(pricier, 4000),
      documents: invoicedAs(sold),
      exchanges: exchanges('9013'),
    });
    if (!outcome.ok || outcome.decision.outcome !== 'documents') throw new Error('expected documents');
    const { totals } = outcome.decision;
    expect([totals.refunded, totals.exchangeBalanceDue, totals.credited].map(formatMoney)).toEqual([
      '0.00',
      '15.00',
      '-15.00',
    ]);
  });

  it('a second refund of the same return does not carry the exchange items again', () => {
    const first = returnTee(cheaper, 1250);
    const second = refundOf(cheaper, {
      id: '7002',
      createdAt: '2025-03-06T10:00:00Z',
      refunded: 100,
      returnId: '2001',
    });
    const order = { ...cheaper, refunds: [first, second] };
    expect(
      render(decide({ order, refund: second, documents: invoicedAs(sold), exchanges: exchanges('9012') })),
    ).toEqual([
      'amount_only',
      'credit_memo applies to SI-000001 | 1.00 + tax 0.00 = 1.00',
      '  1 gl_account 4900 "Other refunded amount (tip, manual amount)" | 1 x 1.00 | disc 0.00 | amount 1.00 | tax 0.00 | loc - | other_amount',
      'customer_refund paid 1.00 via shopify_payments from 1010 applies to SI-000001',
    ]);
  });
});
