import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order, OrderLine, ShippingLine } from '../domain/order.ts';
import { parseShopSettings } from '../shops/index.ts';
import {
  aLine,
  anOrder,
  aShippingLine,
  bag,
  withRefundOf,
  withShopifyTotals,
} from '../domain/testing/order-builders.ts';
import { salesDocument } from './sales-document.ts';

const shop = parseShopSettings({
  code: 'WEB',
  shopifyDomain: 'web.myshopify.com',
  credentials: { accessToken: 'shpat_test' },
  accounts: { shippingCharges: '4100', tip: '2300', soldGiftCard: '2200' },
});
const itemsBySku = new Map([['SB-TEE', { no: '1000', description: 'Tee', type: 'inventory' as const }]]);

/** A line as Shopify charges it: discounts never above the gross, tax a share of what remains. */
const lineArbitrary = (index: number, taxesIncluded: boolean) =>
  fc
    .record({
      price: fc.integer({ min: 0, max: 100_000 }),
      quantity: fc.integer({ min: 1, max: 6 }),
      lineDiscountShare: fc.integer({ min: 0, max: 100 }),
      cartDiscountShare: fc.integer({ min: 0, max: 100 }),
      taxPercent: fc.integer({ min: 0, max: 30 }),
      giftCard: fc.boolean(),
    })
    .map(({ price, quantity, lineDiscountShare, cartDiscountShare, taxPercent, giftCard }): OrderLine => {
      const gross = price * quantity;
      const lineDiscount = Math.floor((gross * lineDiscountShare) / 200);
      const cartDiscount = Math.floor(((gross - lineDiscount) * cartDiscountShare) / 200);
      const discounted = gross - lineDiscount - cartDiscount;
      const tax = taxesIncluded
        ? Math.round((discounted * taxPercent) / (100 + taxPercent))
        : Math.round((discounted * taxPercent) / 100);
      return aLine({
        shopifyId: String(9000 + index),
        sku: giftCard ? null : 'SB-TEE',
        isGiftCard: giftCard,
        quantity,
        unitPrice: bag(price),
        discountAllocations: [
          { amount: bag(lineDiscount), title: 'line', target: 'line' },
          { amount: bag(cartDiscount), title: 'cart', target: 'order' },
        ],
        taxLines: tax === 0 ? [] : [{ title: 'Tax', rate: String(taxPercent / 100), amount: bag(tax) }],
      });
    });

const shippingArbitrary = (index: number) =>
  fc
    .record({
      price: fc.integer({ min: 0, max: 5_000 }),
      discount: fc.integer({ min: 0, max: 100 }),
      tax: fc.integer({ min: 0, max: 500 }),
    })
    .map(({ price, discount, tax }): ShippingLine =>
      aShippingLine({
        shopifyId: String(8000 + index),
        title: `Rate ${index}`,
        price: bag(price),
        discountedPrice: bag(price - Math.floor((price * discount) / 100)),
        taxLines: [
          {
            title: 'Tax',
            rate: null,
            amount: bag(Math.min(tax, price - Math.floor((price * discount) / 100))),
          },
        ],
      }),
    );

const orderArbitrary = fc.boolean().chain((taxesIncluded) =>
  fc
    .record({
      lines: fc
        .integer({ min: 1, max: 4 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArbitrary(i, taxesIncluded)))),
      shipping: fc
        .integer({ min: 0, max: 2 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => shippingArbitrary(i)))),
      tip: fc.integer({ min: 0, max: 2_000 }),
      removals: fc.array(fc.nat(), { maxLength: 4 }),
    })
    .map(({ lines, shipping, tip, removals }): Order => {
      const order = withShopifyTotals(anOrder({ taxesIncluded, lines, shippingLines: shipping }), tip);
      // Edits and refunds take units off lines, leaving the first line at least one unit.
      const taken = lines.flatMap((line, i) => {
        const units = (removals[i] ?? 0) % (line.quantity + (i === 0 ? 0 : 1));
        return units === 0 ? [] : [{ lineShopifyId: line.shopifyId, quantity: units }];
      });
      return taken.length === 0 ? order : withRefundOf(order, taken);
    }),
);

describe('a document keeps the money exact', () => {
  // Identity asserted: document amount including tax == Shopify's currentTotalPrice (shop money),
  // i.e. items after edits/refunds + gift cards sold + shipping after discounts and refunds + tips
  // + tax unless prices include it. Gift cards applied are payments and change nothing here.
  it('amount including tax equals the order current total, and lines sum to the header', () => {
    fc.assert(
      fc.property(orderArbitrary, (order) => {
        const outcome = salesDocument({
          order,
          settings: shop,
          itemsBySku,
          customer: { no: 'C1', billingAddress: null },
          exchangeRate: null,
        });
        if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
        const { document } = outcome;
        expect(document.amountIncludingTax).toEqual(order.totals.currentTotalPrice.shop);
        const lineSum = document.lines.reduce((a, l) => a + l.amount.minor + l.taxAmount.minor, 0);
        expect(lineSum).toBe(document.amountIncludingTax.minor);
        for (const line of document.lines) {
          expect(line.unitPrice.minor * line.quantity - line.lineDiscount.minor).toBe(
            order.taxesIncluded ? line.amount.minor + line.taxAmount.minor : line.amount.minor,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
