import { describe, expect, it } from 'vitest';
import {
  aLine,
  anOrder,
  aShippingLine,
  bag,
  withRefundOf,
  withShopifyTotals,
} from '../domain/testing/order-builders.ts';
import { paid, refundOf, shipped } from '../domain/testing/refund-builders.ts';
import {
  decide,
  invoicedAs,
  refundShop,
  render,
  salesOrderAs,
  type RefundCase,
} from './testing/refund-fixtures.ts';

/**
 * seed 002 "Returns and refunds": the credit memo line table, row by row, and the refunds the
 * "Effect of order editing" table says cannot be converted. A shipped, invoiced order of
 * 2 Tees at 25.00 + 10% tax, 3 Mugs at 12.50 untaxed and Standard shipping 5.00 + 0.50 tax.
 */
const tee = aLine({
  shopifyId: '9001',
  sku: 'SB-TEE',
  title: 'Tee',
  quantity: 2,
  unitPrice: bag(2500),
  taxLines: [{ title: 'Tax', rate: '0.10', amount: bag(500) }],
});
const mug = aLine({ shopifyId: '9002', sku: 'SB-MUG', title: 'Mug', quantity: 3, unitPrice: bag(1250) });
const giftCard = aLine({
  shopifyId: '9004',
  sku: null,
  title: '$50 card',
  isGiftCard: true,
  requiresShipping: false,
  taxable: false,
  unitPrice: bag(5000),
});
const standard = aShippingLine({
  price: bag(500),
  taxLines: [{ title: 'Tax', rate: '0.10', amount: bag(50) }],
});
const order = shipped(anOrder({ lines: [tee, mug], shippingLines: [standard] }));
const withGiftCard = shipped(anOrder({ lines: [tee, giftCard] }));
const withTip = shipped(withShopifyTotals(anOrder({ lines: [tee, mug] }), 300));

const creditMemoTable: RefundCase[] = [
  {
    name: 'seed 002 table, G/L Account "Sold Gift Card Account": a gift card refunded',
    order: withGiftCard,
    refund: refundOf(withGiftCard, { lines: [{ line: '9004', quantity: 1, restock: 'no_restock' }] }),
    documents: invoicedAs(withGiftCard),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 50.00 + tax 0.00 = 50.00',
      '  1 gl_account 2200 "Gift card refunded: $50 card" | 1 x 50.00 | disc 0.00 | amount 50.00 | tax 0.00 | loc - | gift_card',
      'customer_refund paid 50.00 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'seed 002 table, G/L Account "Refund Account Nonstock": a product not restocked, no stock movement',
    order,
    refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }] }),
    documents: invoicedAs(order),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 25.00 + tax 2.50 = 27.50',
      '  1 gl_account 4910 "Not restocked: Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc - | not_restocked',
      'customer_refund paid 27.50 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'seed 002 table, Item "Item No.": a restocked product, direct refund -> item at the return location',
    order,
    refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return', location: '2' }] }),
    documents: invoicedAs(order),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 25.00 + tax 2.50 = 27.50',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc RETURNS | restocked',
      'customer_refund paid 27.50 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'seed 002 table, Item "Item No.": a restocked product, refund linked to a return',
    order,
    refund: refundOf(order, { lines: [{ line: '9002', quantity: 2, restock: 'return' }], returnId: '2001' }),
    documents: invoicedAs(order),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 25.00 + tax 0.00 = 25.00',
      '  1 item 1001 "Mug" | 2 x 12.50 | disc 0.00 | amount 25.00 | tax 0.00 | loc RETURNS | restocked',
      'customer_refund paid 25.00 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1001 @RETURNS on hand +2 released 0',
    ],
  },
  {
    name: 'seed 002 table, G/L Account "Refund Account": a tip refunded',
    order: withTip,
    refund: refundOf(withTip, { refunded: 300, note: 'tip returned' }),
    documents: invoicedAs(withTip),
    expected: [
      'amount_only',
      'credit_memo applies to SI-000001 | 3.00 + tax 0.00 = 3.00',
      '  1 gl_account 4900 "Other refunded amount: tip returned" | 1 x 3.00 | disc 0.00 | amount 3.00 | tax 0.00 | loc - | other_amount',
      'customer_refund paid 3.00 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'seed 002 table, G/L Account "Refund Account": an amount specified manually, no products',
    order,
    refund: refundOf(order, { refunded: 1000 }),
    documents: invoicedAs(order),
    expected: [
      'amount_only',
      'credit_memo applies to SI-000001 | 10.00 + tax 0.00 = 10.00',
      '  1 gl_account 4900 "Other refunded amount (tip, manual amount)" | 1 x 10.00 | disc 0.00 | amount 10.00 | tax 0.00 | loc - | other_amount',
      'customer_refund paid 10.00 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'seed 002 table, G/L Account "Refund Account": less refunded than the lines -> the discrepancy with its reason',
    order,
    refund: refundOf(order, {
      lines: [{ line: '9001', quantity: 1, restock: 'return' }],
      refunded: 2000,
      discrepancyReason: 'damage',
    }),
    documents: invoicedAs(order),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 17.50 + tax 2.50 = 20.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc RETURNS | restocked',
      '  2 gl_account 4900 "Refund discrepancy: damage" | 1 x -7.50 | disc 0.00 | amount -7.50 | tax 0.00 | loc - | refund_discrepancy',
      'customer_refund paid 20.00 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'seed 002 shop card, "Shipping Charges Account": a shipping-only refund',
    order,
    refund: refundOf(order, { shipping: [{ line: '8001' }] }),
    documents: invoicedAs(order),
    expected: [
      'amount_only',
      'credit_memo applies to SI-000001 | 5.00 + tax 0.50 = 5.50',
      '  1 gl_account 4100 "Shipping refund: Standard" | 1 x 5.00 | disc 0.00 | amount 5.00 | tax 0.50 | loc - | shipping',
      'customer_refund paid 5.50 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'seed 002 "Shipment method mapping": a partial shipping refund through the mapping\'s item charge',
    order,
    refund: refundOf(order, { shipping: [{ line: '8001', amount: 200 }] }),
    documents: invoicedAs(order),
    shop: refundShop({
      shipmentMethodMappings: [
        { shopifyTitle: 'standard', chargesType: 'item_charge', chargesNo: 'FREIGHT' },
      ],
    }),
    expected: [
      'amount_only',
      'credit_memo applies to SI-000001 | 2.00 + tax 0.00 = 2.00',
      '  1 item_charge FREIGHT "Shipping refund: Standard" | 1 x 2.00 | disc 0.00 | amount 2.00 | tax 0.00 | loc - | shipping',
      'customer_refund paid 2.00 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'seed 002 table, every row in one refund: restocked, not restocked, shipping and a manual extra',
    order,
    refund: refundOf(order, {
      lines: [
        { line: '9001', quantity: 1, restock: 'return' },
        { line: '9002', quantity: 1, restock: 'no_restock' },
      ],
      shipping: [{ line: '8001' }],
      refunded: 5000,
    }),
    documents: invoicedAs(order, 'CS-000007'),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to CS-000007 | 47.00 + tax 3.00 = 50.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc RETURNS | restocked',
      '  2 gl_account 4910 "Not restocked: Mug" | 1 x 12.50 | disc 0.00 | amount 12.50 | tax 0.00 | loc - | not_restocked',
      '  3 gl_account 4100 "Shipping refund: Standard" | 1 x 5.00 | disc 0.00 | amount 5.00 | tax 0.50 | loc - | shipping',
      '  4 gl_account 4900 "Refund discrepancy: refund discrepancy" | 1 x 4.50 | disc 0.00 | amount 4.50 | tax 0.00 | loc - | refund_discrepancy',
      'customer_refund paid 50.00 via shopify_payments from 1010 applies to CS-000007',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
];

describe('seed 002: the credit memo line table', () => {
  it.each(creditMemoTable)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});

const unpaidOrder = anOrder({ lines: [tee, mug], financialStatus: 'pending' });
const paidOrder = paid(anOrder({ lines: [tee, mug], shippingLines: [standard] }));
const editRefund = (base: typeof order, quantity: number) =>
  withRefundOf(base, [{ lineShopifyId: '9002', quantity }], '7009').refunds.at(-1)!;

// Cancelled with a full refund before the import: no line left, nothing charged.
const cancellation = refundOf(paidOrder, {
  lines: [
    { line: '9001', quantity: 2, restock: 'cancel' },
    { line: '9002', quantity: 3, restock: 'cancel' },
  ],
  shipping: [{ line: '8001' }],
});
const cancelledWithNothingLeft = {
  ...paidOrder,
  cancelledAt: '2025-03-02T09:00:00Z',
  lines: paidOrder.lines.map((line) => ({ ...line, currentQuantity: 0 })),
  totals: { ...paidOrder.totals, currentTotalPrice: bag(0) },
  refunds: [cancellation],
};

const editingTable: RefundCase[] = [
  {
    name: 'seed 002 editing, "Edit an order and decrease quantity": zero-amount refund, not converted',
    order: paidOrder,
    refund: editRefund(paidOrder, 1),
    documents: salesOrderAs(paidOrder, 'released'),
    expected: ['not convertible: zero_amount_from_edit'],
  },
  {
    name: 'seed 002 editing, "Edit an order and remove existing item": zero-amount refund, not converted',
    order: paidOrder,
    refund: editRefund(paidOrder, 3),
    documents: invoicedAs(paidOrder),
    expected: ['not convertible: zero_amount_from_edit'],
  },
  {
    name: 'seed 002 editing, "Cancel unpaid order": zero-amount refund, not converted',
    order: { ...unpaidOrder, cancelledAt: '2025-03-02T09:00:00Z', financialStatus: 'voided' },
    refund: editRefund(unpaidOrder, 3),
    documents: salesOrderAs(unpaidOrder, 'open'),
    expected: ['not convertible: unpaid_order_cancelled'],
  },
  {
    name: 'seed 002 editing, "Cancel paid order": the released sales order loses its lines and its allocation',
    order: { ...paidOrder, cancelledAt: '2025-03-02T09:00:00Z' },
    refund: refundOf(paidOrder, {
      lines: [
        { line: '9001', quantity: 2, restock: 'cancel' },
        { line: '9002', quantity: 3, restock: 'cancel' },
      ],
      shipping: [{ line: '8001' }],
    }),
    documents: salesOrderAs(paidOrder, 'released'),
    expected: [
      'quantity_and_amount',
      'sales_order_change applies to SO-000001 | 92.50 + tax 5.50 = 98.00',
      '  1 item 1000 "Tee" | 2 x 25.00 | disc 0.00 | amount 50.00 | tax 5.00 | loc MAIN | restocked | SO line 1 | released -2',
      '  2 item 1001 "Mug" | 3 x 12.50 | disc 0.00 | amount 37.50 | tax 0.00 | loc MAIN | restocked | SO line 2 | released -3',
      '  3 gl_account 4100 "Shipping refund: Standard" | 0 x 5.00 | disc -5.00 | amount 5.00 | tax 0.50 | loc - | shipping | SO line 3 | released 0',
      'customer_refund paid 98.00 via shopify_payments from 1010 applies to SO-000001',
      'stock allocation_released 1000 @MAIN on hand 0 released -2',
      'stock allocation_released 1001 @MAIN on hand 0 released -3',
    ],
  },
  {
    name: 'seed 002 editing, "Cancel paid order" before any document, everything paid back: nothing sold, not converted',
    order: cancelledWithNothingLeft,
    refund: cancellation,
    documents: { stage: 'none' },
    expected: ['not convertible: cancelled_nothing_left'],
  },
  {
    name: 'a cancelled order that still charges something (a tip kept) waits for its sales document',
    order: { ...cancelledWithNothingLeft, totals: { ...paidOrder.totals, currentTotalPrice: bag(300) } },
    refund: cancellation,
    documents: { stage: 'none' },
    expected: ['wait: no_sales_document'],
  },
  {
    name: 'a refund with nothing in it is recorded, not converted',
    order,
    refund: refundOf(order, {}),
    documents: invoicedAs(order),
    expected: ['not convertible: nothing_refunded'],
  },
];

describe('seed 002: refunds that are recorded but never become documents', () => {
  it.each(editingTable)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});
