import { describe, expect, it } from 'vitest';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { paid, refundOf, shipped } from '../domain/testing/refund-builders.ts';
import {
  atsChanges,
  decide,
  invoicedAs,
  refundShop,
  render,
  salesOrderAs,
  type RefundCase,
} from './testing/refund-fixtures.ts';

/**
 * seed 004 "Order Sync, Refund Control & Inventory Lifecycle": the refund-type (4.3), restocking
 * (4.4), status (4.1) and document (4.5) tables, the three examples of section 5 and the two
 * restocking questions of section 9; and seed 002's return location priority. Orders: 2 Tees at
 * 25.00 + 10% tax and 3 Mugs at 12.50, shipped and invoiced, or paid and waiting on a sales order.
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
const order = shipped(anOrder({ lines: [tee, mug] }));
const unshipped = paid(anOrder({ lines: [tee, mug] }));
const returnOneTee = refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] });
const cancelOneTee = refundOf(unshipped, { lines: [{ line: '9001', quantity: 1, restock: 'cancel' }] });

const refundTypes: RefundCase[] = [
  {
    name: 'seed 004 4.3 "Quantity Only" / 4.5 -> zero-amount inventory credit memo',
    order,
    refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return' }], refunded: 0 }),
    documents: invoicedAs(order),
    expected: [
      'quantity_only',
      'inventory_credit_memo applies to SI-000001 | 0.00 + tax 0.00 = 0.00',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 25.00 | amount 0.00 | tax 0.00 | loc RETURNS | restocked',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'seed 004 4.3 "Amount Only" / 4.5 -> credit memo, no stock',
    order,
    refund: refundOf(order, { refunded: 500 }),
    documents: invoicedAs(order),
    expected: [
      'amount_only',
      'credit_memo applies to SI-000001 | 5.00 + tax 0.00 = 5.00',
      '  1 gl_account 4900 "Other refunded amount (tip, manual amount)" | 1 x 5.00 | disc 0.00 | amount 5.00 | tax 0.00 | loc - | other_amount',
      'customer_refund paid 5.00 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'seed 004 4.3 "Quantity + Amount" / 4.5 "ICM with financial impact" -> credit memo with quantity and value',
    order,
    refund: returnOneTee,
    documents: invoicedAs(order),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 25.00 + tax 2.50 = 27.50',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc RETURNS | restocked',
      'customer_refund paid 27.50 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
];

describe('seed 004 4.3 and 4.5: refund type -> document', () => {
  it.each(refundTypes)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});

const restocking: (RefundCase & { ats: string[] })[] = [
  {
    name: 'seed 004 4.4 "Restock Enabled", shipped order: returned to available stock',
    order,
    refund: returnOneTee,
    documents: invoicedAs(order),
    expected: ['stock return 1000 @RETURNS on hand +1 released 0'],
    ats: ['ATS 1000 @RETURNS +1'],
  },
  {
    name: 'seed 004 4.4 "Restock Disabled", shipped order: stays out of stock, nothing moves',
    order,
    refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }] }),
    documents: invoicedAs(order),
    expected: [],
    ats: [],
  },
  {
    name: 'seed 004 4.4 "Restock Enabled", released order: the allocation is released',
    order: unshipped,
    refund: cancelOneTee,
    documents: salesOrderAs(unshipped, 'released'),
    expected: ['stock allocation_released 1000 @MAIN on hand 0 released -1'],
    ats: ['ATS 1000 @MAIN +1'],
  },
  {
    name: 'seed 004 4.4 "Restock Disabled", released order: allocation released, units adjusted out',
    order: unshipped,
    refund: refundOf(unshipped, { lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }] }),
    documents: salesOrderAs(unshipped, 'released'),
    expected: [
      'stock allocation_released 1000 @MAIN on hand 0 released -1',
      'stock adjustment_out 1000 @MAIN on hand -1 released 0',
    ],
    ats: ['ATS 1000 @MAIN 0'],
  },
];

describe('seed 004 4.4 and 4.6: restocking -> stock and available to sell', () => {
  it.each(restocking)('$name', ({ expected, ats, ...c }) => {
    const outcome = decide(c);
    expect(render(outcome).filter((l) => l.startsWith('stock'))).toEqual(expected);
    expect(atsChanges(outcome)).toEqual(ats);
  });
});

const statuses: RefundCase[] = [
  {
    name: 'seed 004 4.1 "Released": the sales order is reduced and its allocation released, no credit memo',
    order: unshipped,
    refund: cancelOneTee,
    documents: salesOrderAs(unshipped, 'released'),
    expected: [
      'quantity_and_amount',
      'sales_order_change applies to SO-000001 | 25.00 + tax 2.50 = 27.50',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc MAIN | restocked | SO line 1 | released -1',
      'customer_refund paid 27.50 via shopify_payments from 1010 applies to SO-000001',
      'stock allocation_released 1000 @MAIN on hand 0 released -1',
    ],
  },
  {
    name: 'seed 004 4.1 "Waived": allocation already removed, the sales order is reduced',
    order: unshipped,
    refund: cancelOneTee,
    documents: salesOrderAs(unshipped, 'waived'),
    expected: [
      'quantity_and_amount',
      'sales_order_change applies to SO-000001 | 25.00 + tax 2.50 = 27.50',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc MAIN | restocked | SO line 1 | released 0',
      'customer_refund paid 27.50 via shopify_payments from 1010 applies to SO-000001',
    ],
  },
  {
    name: 'storebridge "open" sales order (not released yet): reduced, nothing reserved to release',
    order: unshipped,
    refund: cancelOneTee,
    documents: salesOrderAs(unshipped, 'open'),
    expected: [
      'quantity_and_amount',
      'sales_order_change applies to SO-000001 | 25.00 + tax 2.50 = 27.50',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc MAIN | restocked | SO line 1 | released 0',
      'customer_refund paid 27.50 via shopify_payments from 1010 applies to SO-000001',
    ],
  },
  {
    name: 'seed 004 4.1 "Shipped (Invoiced)": refunds generate financial documents',
    order,
    refund: returnOneTee,
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
    name: 'no sales document yet: wait; made later from current quantities, it leaves the refund out',
    order: unshipped,
    refund: cancelOneTee,
    documents: { stage: 'none' },
    expected: ['wait: no_sales_document'],
  },
];

describe('seed 004 4.1: the sales order status decides the documents', () => {
  it.each(statuses)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});

const examples: (RefundCase & { ats: string[] })[] = [
  {
    name: 'seed 004 §5 example 1, quantity-only refund with restocking: two units back, no money',
    order,
    refund: refundOf(order, { lines: [{ line: '9001', quantity: 2, restock: 'return' }], refunded: 0 }),
    documents: invoicedAs(order),
    expected: [
      'quantity_only',
      'inventory_credit_memo applies to SI-000001 | 0.00 + tax 0.00 = 0.00',
      '  1 item 1000 "Tee" | 2 x 25.00 | disc 50.00 | amount 0.00 | tax 0.00 | loc RETURNS | restocked',
      'stock return 1000 @RETURNS on hand +2 released 0',
    ],
    ats: ['ATS 1000 @RETURNS +2'],
  },
  {
    name: 'seed 004 §5 example 2, amount-only refund after shipment: a partial refund, goods kept',
    order,
    refund: refundOf(order, { refunded: 1250, note: 'late delivery' }),
    documents: invoicedAs(order),
    expected: [
      'amount_only',
      'credit_memo applies to SI-000001 | 12.50 + tax 0.00 = 12.50',
      '  1 gl_account 4900 "Other refunded amount: late delivery" | 1 x 12.50 | disc 0.00 | amount 12.50 | tax 0.00 | loc - | other_amount',
      'customer_refund paid 12.50 via shopify_payments from 1010 applies to SI-000001',
    ],
    ats: [],
  },
  {
    name: 'seed 004 §5 example 3, combined refund for a shipped order: goods back and money back',
    order,
    refund: refundOf(order, {
      lines: [
        { line: '9001', quantity: 1, restock: 'return' },
        { line: '9002', quantity: 2, restock: 'return' },
      ],
    }),
    documents: invoicedAs(order),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 50.00 + tax 2.50 = 52.50',
      '  1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 2.50 | loc RETURNS | restocked',
      '  2 item 1001 "Mug" | 2 x 12.50 | disc 0.00 | amount 25.00 | tax 0.00 | loc RETURNS | restocked',
      'customer_refund paid 52.50 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
      'stock return 1001 @RETURNS on hand +2 released 0',
    ],
    ats: ['ATS 1000 @RETURNS +1', 'ATS 1001 @RETURNS +2'],
  },
  {
    name: 'seed 004 §9 "restocking is enabled": resellable mugs back where Shopify restocked them',
    order,
    refund: refundOf(order, { lines: [{ line: '9002', quantity: 3, restock: 'return', location: '2' }] }),
    documents: invoicedAs(order),
    shop: refundShop({ returnLocationPriority: 'original_then_default' }),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 37.50 + tax 0.00 = 37.50',
      '  1 item 1001 "Mug" | 3 x 12.50 | disc 0.00 | amount 37.50 | tax 0.00 | loc EAST | restocked',
      'customer_refund paid 37.50 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1001 @EAST on hand +3 released 0',
    ],
    ats: ['ATS 1001 @EAST +3'],
  },
  {
    name: 'seed 004 §9 "restocking is disabled": damaged mugs stay out of sellable stock',
    order,
    refund: refundOf(order, { lines: [{ line: '9002', quantity: 3, restock: 'no_restock' }] }),
    documents: invoicedAs(order),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 37.50 + tax 0.00 = 37.50',
      '  1 gl_account 4910 "Not restocked: Mug" | 3 x 12.50 | disc 0.00 | amount 37.50 | tax 0.00 | loc - | not_restocked',
      'customer_refund paid 37.50 via shopify_payments from 1010 applies to SI-000001',
    ],
    ats: [],
  },
];

describe('seed 004 §5 examples and §9 restocking questions', () => {
  it.each(examples)('$name', ({ expected, ats, ...c }) => {
    const outcome = decide(c);
    expect(render(outcome)).toEqual(expected);
    expect(atsChanges(outcome)).toEqual(ats);
  });
});

const twoPlaces = refundOf(order, {
  lines: [
    { line: '9002', quantity: 1, restock: 'return', location: '2' },
    { line: '9002', quantity: 1, restock: 'return', location: '3' },
  ],
});
const original = refundShop({ returnLocationPriority: 'original_then_default' });
const locations: { name: string; refund: typeof returnOneTee; shop: typeof original; expected: string[] }[] =
  [
    {
      name: 'seed 002 "Default Return Location": Shopify restocked at EAST, the credit memo uses RETURNS',
      refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return', location: '2' }] }),
      shop: refundShop(),
      expected: ['RETURNS'],
    },
    {
      name: 'seed 002 "Original > Default Location": the refund line\'s location, mapped',
      refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return', location: '2' }] }),
      shop: original,
      expected: ['EAST'],
    },
    {
      name: 'seed 002 "Original > Default Location": a location with no mapping -> the default return location',
      refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return', location: '99' }] }),
      shop: original,
      expected: ['RETURNS'],
    },
    {
      name: 'seed 002 "Original > Default Location": "restocked in several locations" -> the default for each',
      refund: twoPlaces,
      shop: original,
      expected: ['RETURNS', 'RETURNS'],
    },
    {
      name: 'seed 002 note: a blank default return location stays blank on the credit memo',
      refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return', location: '2' }] }),
      shop: refundShop({ defaultReturnLocation: undefined }),
      expected: ['-'],
    },
    {
      name: 'seed 002 "Original > Default Location": no location on the refund and no default -> blank',
      refund: refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return', location: null }] }),
      shop: refundShop({ returnLocationPriority: 'original_then_default', defaultReturnLocation: undefined }),
      expected: ['-'],
    },
  ];

describe('seed 002: return location priority', () => {
  it.each(locations)('$name', ({ refund, shop, expected }) => {
    const outcome = decide({ order, refund, documents: invoicedAs(order), shop });
    const lineLocations = render(outcome)
      .filter((l) => l.startsWith('  '))
      .map((l) => /\| loc (\S+) \|/.exec(l)?.[1]);
    expect(lineLocations).toEqual(expected);
  });
});
