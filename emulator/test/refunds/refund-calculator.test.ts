/**
 * The refund calculator, one scenario per row (seed 003 semantics). Amounts are Shopify's
 * decimal strings in the presentment currency; `shop` columns show the shop currency.
 */
import { describe, expect, it } from 'vitest';
import {
  calculateRefund,
  createRefund,
  formatMinor,
  type Order,
  type RefundCalculation,
  type RefundInput,
  type RestOrderInput,
} from '../../src/domain/index.ts';
import { aLine, anOrder, aShop, shipEverything, type TestShop } from '../support/builders.ts';

interface Row {
  name: string;
  order: (shop: TestShop) => Partial<RestOrderInput>;
  /** Steps before the calculation (fulfil, earlier refunds...). */
  before?: (shop: TestShop, order: Order) => void;
  refund: (order: Order, shop: TestShop) => RefundInput;
  expected: {
    lines?: { subtotal: string; tax: string; restock?: string; locationIsSet?: boolean }[];
    shipping?: { amount: string; tax: string; maximum: string };
    total: string;
    suggested: string[];
    shopTotal?: string;
  };
}

const line = (order: Order, index = 0) => order.lineItems[index]!.id;
const money = (minor: number, currency = 'USD') => formatMinor(minor, currency);

const rows: Row[] = [
  {
    name: 'fixed cart discount across three lines: the leftover cent sits on the first line',
    order: () => ({
      line_items: [aLine(), aLine(), aLine()],
      discount_codes: [{ code: 'TEN', amount: '10.00', type: 'fixed_amount' }],
    }),
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order, 0), quantity: 1 }] }),
    expected: { lines: [{ subtotal: '6.66', tax: '0.00' }], total: '6.66', suggested: ['6.66'] },
  },
  {
    name: 'cart discount on a 3-unit line: pro rata per unit, the last unit takes the remainder',
    order: () => ({
      line_items: [aLine({ quantity: 3 })],
      discount_codes: [{ code: 'ONE', amount: '1.00' }],
    }),
    before: (shop, order) =>
      createRefund(shop.state, order.id, { refundLineItems: [{ lineItemId: line(order), quantity: 1 }] }),
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order), quantity: 2 }] }),
    expected: { lines: [{ subtotal: '19.33', tax: '0.00' }], total: '19.33', suggested: ['19.33'] },
  },
  {
    name: 'tax excluded: tax is added on top, pro rata by quantity',
    order: () => ({
      line_items: [aLine({ price: '50.00', quantity: 2, tax_lines: [{ rate: 0.06, title: 'State' }] })],
    }),
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order), quantity: 1 }] }),
    expected: { lines: [{ subtotal: '50.00', tax: '3.00' }], total: '53.00', suggested: ['53.00'] },
  },
  {
    name: 'tax included (BC EUR order, 21% VAT): 55.20 holds 9.58, shipping 4.99 holds 0.87',
    order: () => ({
      currency: 'EUR',
      taxes_included: true,
      line_items: [aLine({ price: '55.20', tax_lines: [{ rate: 0.21, title: 'BE TVA 21%' }] })],
      shipping_lines: [
        { title: 'Standard', price: '4.99', tax_lines: [{ rate: 0.21, title: 'BE TVA 21%' }] },
      ],
    }),
    refund: (order) => ({
      shipping: { fullRefund: true },
      refundLineItems: [{ lineItemId: line(order), quantity: 1 }],
    }),
    expected: {
      lines: [{ subtotal: '55.20', tax: '9.58' }],
      shipping: { amount: '4.99', tax: '0.87', maximum: '4.99' },
      total: '60.19',
      suggested: ['60.19'],
    },
  },
  {
    name: 'multi-currency: presentment EUR at 1.10 USD, amounts in both currencies',
    order: () => ({
      currency: 'USD',
      presentment_currency: 'EUR',
      exchange_rate: '1.10',
      line_items: [aLine({ price: '100.00' })],
    }),
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order), quantity: 1 }] }),
    expected: {
      lines: [{ subtotal: '100.00', tax: '0.00' }],
      total: '100.00',
      shopTotal: '110.00',
      suggested: ['100.00'],
    },
  },
  {
    name: 'JPY has no minor unit',
    order: () => ({
      currency: 'JPY',
      line_items: [aLine({ price: '1500', quantity: 3 })],
      discount_codes: [{ code: 'X', amount: '100' }],
    }),
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order), quantity: 1 }] }),
    expected: { lines: [{ subtotal: '1467', tax: '0' }], total: '1467', suggested: ['1467'] },
  },
  {
    name: 'partial shipping: 4.00 of 10.00 takes 40% of the shipping tax',
    order: () => ({
      shipping_lines: [
        { title: 'Express', price: '10.00', tax_lines: [{ price: '1.00', rate: 0.1, title: 'VAT' }] },
      ],
    }),
    refund: () => ({ shipping: { amount: '4.00' } }),
    expected: {
      shipping: { amount: '4.00', tax: '0.40', maximum: '10.00' },
      total: '4.40',
      suggested: ['4.40'],
    },
  },
  {
    name: 'full shipping after a partial one refunds what remains',
    order: () => ({
      shipping_lines: [
        { title: 'Express', price: '10.00', tax_lines: [{ price: '1.00', rate: 0.1, title: 'VAT' }] },
      ],
    }),
    before: (shop, order) => createRefund(shop.state, order.id, { shipping: { amount: '4.00' } }),
    refund: () => ({ shipping: { fullRefund: true } }),
    expected: {
      shipping: { amount: '6.00', tax: '0.60', maximum: '6.00' },
      total: '6.60',
      suggested: ['6.60'],
    },
  },
  {
    name: 'cancel of unfulfilled units keeps cancel and suggests the assigned location',
    order: () => ({}),
    refund: (order) => ({
      refundLineItems: [{ lineItemId: line(order), quantity: 1, restockType: 'cancel' }],
    }),
    expected: {
      lines: [{ subtotal: '10.00', tax: '0.00', restock: 'cancel', locationIsSet: true }],
      total: '10.00',
      suggested: ['10.00'],
    },
  },
  {
    name: 'return of unfulfilled units cannot be met: becomes no_restock without location',
    order: () => ({}),
    refund: (order) => ({
      refundLineItems: [{ lineItemId: line(order), quantity: 1, restockType: 'return' }],
    }),
    expected: {
      lines: [{ subtotal: '10.00', tax: '0.00', restock: 'no_restock', locationIsSet: false }],
      total: '10.00',
      suggested: ['10.00'],
    },
  },
  {
    name: 'return of shipped units is kept',
    order: () => ({}),
    before: (shop, order) => shipEverything(shop, order),
    refund: (order) => ({
      refundLineItems: [{ lineItemId: line(order), quantity: 1, restockType: 'return' }],
    }),
    expected: {
      lines: [{ subtotal: '10.00', tax: '0.00', restock: 'return', locationIsSet: true }],
      total: '10.00',
      suggested: ['10.00'],
    },
  },
  {
    name: 'cancel of shipped units cannot be met: becomes no_restock',
    order: () => ({}),
    before: (shop, order) => shipEverything(shop, order),
    refund: (order) => ({
      refundLineItems: [{ lineItemId: line(order), quantity: 1, restockType: 'cancel' }],
    }),
    expected: {
      lines: [{ subtotal: '10.00', tax: '0.00', restock: 'no_restock', locationIsSet: false }],
      total: '10.00',
      suggested: ['10.00'],
    },
  },
  {
    name: 'gift card lines are never restocked',
    order: (shop) => ({ line_items: [{ variant_id: shop.variants['GC-50']!, quantity: 1 }] }),
    refund: (order) => ({
      refundLineItems: [{ lineItemId: line(order), quantity: 1, restockType: 'cancel' }],
    }),
    expected: {
      lines: [{ subtotal: '50.00', tax: '0.00', restock: 'no_restock', locationIsSet: false }],
      total: '50.00',
      suggested: ['50.00'],
    },
  },
  {
    name: 'suggestions split over two sales, oldest first, each capped at its maximum',
    order: () => ({
      line_items: [aLine({ price: '30.00' })],
      transactions: [
        { kind: 'sale', amount: '20.00', gateway: 'gift_card' },
        { kind: 'sale', amount: '10.00', gateway: 'shopify_payments' },
      ],
    }),
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order), quantity: 1 }] }),
    expected: { lines: [{ subtotal: '30.00', tax: '0.00' }], total: '30.00', suggested: ['20.00', '10.00'] },
  },
  {
    name: 'duties: FULL refunds the whole duty, with no line items',
    order: () => ({ line_items: [aLine({ quantity: 2, duties: [{ id: 7, price: '9.83' }] })] }),
    refund: () => ({ refundDuties: [{ dutyId: 7, refundType: 'FULL' }] }),
    expected: { total: '9.83', suggested: ['9.83'] },
  },
  {
    name: 'duties: PROPORTIONAL follows the refunded units',
    order: () => ({ line_items: [aLine({ quantity: 2, duties: [{ id: 7, price: '9.83' }] })] }),
    refund: (order) => ({
      refundLineItems: [{ lineItemId: line(order), quantity: 1 }],
      refundDuties: [{ dutyId: 7, refundType: 'PROPORTIONAL' }],
    }),
    expected: { lines: [{ subtotal: '10.00', tax: '0.00' }], total: '14.92', suggested: ['14.92'] },
  },
];

function summary(calculation: RefundCalculation, currency: string) {
  return {
    lines: calculation.lines.map((row) => ({
      subtotal: money(row.subtotal.presentment, currency),
      tax: money(row.totalTax.presentment, currency),
      restock: row.restockType,
      locationIsSet: row.locationId !== null,
    })),
    shipping: {
      amount: money(calculation.shipping.amount.presentment, currency),
      tax: money(calculation.shipping.tax.presentment, currency),
      maximum: money(calculation.shipping.maximumRefundable.presentment, currency),
    },
    total: money(calculation.total.presentment, currency),
    suggested: calculation.suggestedTransactions.map((transaction) =>
      money(transaction.amount.presentment, currency),
    ),
  };
}

describe('calculateRefund', () => {
  it.each(rows)('$name', ({ order: orderInput, before, refund, expected }) => {
    const shop = aShop();
    const order = anOrder(shop, orderInput(shop));
    before?.(shop, order);
    const calculation = calculateRefund(shop.state, order.id, refund(order, shop));
    const actual = summary(calculation, order.presentmentCurrency);
    if (expected.lines) expect(actual.lines).toMatchObject(expected.lines);
    if (expected.shipping) expect(actual.shipping).toEqual(expected.shipping);
    expect(actual.total).toBe(expected.total);
    expect(actual.suggested).toEqual(expected.suggested);
    if (expected.shopTotal) expect(money(calculation.total.shop, order.currency)).toBe(expected.shopTotal);
  });
});
