import { describe, expect, it } from 'vitest';
import { aLine, aRefund, aShippingLine, anOrder, bag } from '../../domain/testing/order-builders.ts';
import type { Order } from '../../domain/order.ts';
import { ValidationError } from '../../shared/errors.ts';
import { resolveRefund, type RefundRequest } from './refund-choice.ts';

const order = anOrder({
  lines: [
    aLine({ shopifyId: '11', sku: 'SB-TEE', quantity: 2 }),
    aLine({ shopifyId: '12', sku: 'SB-MUG', quantity: 1, unitPrice: bag(1250) }),
    aLine({ shopifyId: '13', sku: 'SB-CAP', quantity: 1, refundableQuantity: 0 }),
  ],
  shippingLines: [aShippingLine({ price: bag(500) })],
});
const euroOrder: Order = { ...order, presentmentCurrency: 'EUR' };
const shippingHalfRefunded: Order = {
  ...order,
  refunds: [aRefund({ shippingLines: [{ shippingLineShopifyId: '8001', subtotal: bag(300), tax: bag(0) }] })],
};

/** What an agent asks and what storebridge says about it (field: message), one row per case. */
const refusals: { name: string; order?: Order; request: RefundRequest; issues: [string, string][] }[] = [
  { name: 'nothing to refund', request: {}, issues: [['lines', 'nothing to refund']] },
  {
    name: 'an unknown line',
    request: { lines: [{ line: 'SB-XXL', quantity: 1 }] },
    issues: [['lines.0.line', '"SB-XXL" is not a line item id or SKU of order #1001']],
  },
  {
    name: 'more than refundable, counted over two entries of one line',
    request: {
      lines: [
        { line: 'SB-TEE', quantity: 1 },
        { line: '11', quantity: 2 },
      ],
    },
    issues: [['lines.1.quantity', '3 of "SB-TEE" (line 11) is more than the 2 still refundable']],
  },
  {
    name: 'a line already refunded',
    request: { lines: [{ line: 'SB-CAP', quantity: 1 }] },
    issues: [['lines.0.quantity', 'more than the 0 still refundable']],
  },
  {
    name: 'shipping above what is left of it',
    order: shippingHalfRefunded,
    request: { shipping: '2.01' },
    issues: [['shipping', '2.01 USD is more than the 2.00 USD shipping still refundable']],
  },
  {
    name: 'an amount with no currency on an order paid in another currency',
    order: euroOrder,
    request: { lines: [{ line: 'SB-MUG', quantity: 1 }], amount: '5.00' },
    issues: [
      ['currency', 'amount: an amount on an order paid in EUR (shop currency USD) needs currency EUR'],
    ],
  },
  {
    name: 'an amount in a currency that is not the order’s',
    request: { lines: [{ line: 'SB-MUG', quantity: 1 }], amount: '5.00', currency: 'EUR' },
    issues: [['currency', '"EUR" is not the order\'s currency USD']],
  },
  {
    name: 'a manual total with too many decimals',
    request: { lines: [{ line: 'SB-MUG', quantity: 1 }], amount: '5.001' },
    issues: [['amount', 'has more decimals than USD allows']],
  },
  {
    name: 'a location without restock',
    request: { lines: [{ line: 'SB-MUG', quantity: 1 }], location: '5' },
    issues: [['location', 'only for restock return or cancel']],
  },
];

describe('an agent refund checked against the order (issue 8 item 2)', () => {
  it.each(refusals)('refuses $name, naming the field', ({ order: o, request, issues }) => {
    let error: unknown;
    try {
      resolveRefund(o ?? order, request);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const found = (error as ValidationError).issues;
    for (const [path, message] of issues)
      expect(found).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('turns SKUs and ids into Shopify lines, with the restock and location asked for', () => {
    const resolved = resolveRefund(order, {
      lines: [
        { line: 'SB-TEE', quantity: 1 },
        { line: 'gid://shopify/LineItem/12', quantity: 1 },
      ],
      restock: 'return',
      location: 'gid://shopify/Location/5',
      shipping: 'full',
      reason: '  Damaged  ',
    });
    expect(resolved).toMatchObject({
      choice: {
        lines: [
          { lineShopifyId: '11', quantity: 1, restock: 'return', locationShopifyId: '5' },
          { lineShopifyId: '12', quantity: 1, restock: 'return', locationShopifyId: '5' },
        ],
        shipping: 'full',
      },
      currency: 'USD',
      note: 'Damaged',
      notify: false,
    });
  });

  it('all: every refundable unit and all shipping; amounts in the presentment currency', () => {
    const resolved = resolveRefund(euroOrder, { all: true, amount: '7.50', currency: 'EUR' });
    expect(resolved.choice.lines.map((l) => [l.lineShopifyId, l.quantity])).toEqual([
      ['11', 2],
      ['12', 1],
    ]);
    expect(resolved.choice.shipping).toBe('full');
    expect(resolved.manualTotal).toEqual({ minor: 750, currency: 'EUR' });
  });
});
