import { describe, expect, it } from 'vitest';
import { bag } from '../../domain/testing/order-builders.ts';
import { money } from '../../money/index.ts';
import type { SuggestedRefund } from '../../shopify/index.ts';
import type { ResolvedRefund } from './refund-choice.ts';
import { planRefund, refundToCreate } from './refund-plan.ts';

/** Shopify's calculation of 1 x SB-TEE (25.00) and 5.00 shipping, paid by a card (40.00 left) and a gift card (27.50 left). */
function suggested(card: number, giftCard: number): SuggestedRefund {
  return {
    currencies: { shop: 'USD', presentment: 'USD' },
    amount: bag(card + giftCard),
    maximumRefundable: bag(6750),
    subtotal: bag(2500),
    discountedSubtotal: bag(2500),
    totalTax: bag(0),
    totalCartDiscount: bag(0),
    shipping: { amount: bag(500), maximumRefundable: bag(500), tax: bag(0) },
    lines: [
      {
        lineShopifyId: '11',
        sku: 'SB-TEE',
        title: 'Tee',
        quantity: 1,
        restock: 'return',
        locationShopifyId: '5',
        price: bag(2500),
        subtotal: bag(2500),
        totalTax: bag(0),
      },
    ],
    transactions: [
      { gateway: 'shopify_payments', amount: bag(card), maximumRefundable: bag(4000), parentShopifyId: '71' },
      { gateway: 'gift_card', amount: bag(giftCard), maximumRefundable: bag(2750), parentShopifyId: '72' },
    ],
  };
}

function resolved(manual: number | null, shipping: number | null = 500): ResolvedRefund {
  return {
    choice: {
      shopifyOrderId: '1001',
      lines: [{ lineShopifyId: '11', quantity: 1, restock: 'return' }],
      shipping: 'full',
    },
    currency: 'USD',
    shippingAmount: shipping === null ? null : money(shipping, 'USD'),
    manualTotal: manual === null ? null : money(manual, 'USD'),
    note: 'Damaged',
    notify: true,
    discrepancyReason: 'damage',
  };
}

/** How the refunded total goes back to the payments, in cents (card, gift card). */
const splits = [
  { name: "Shopify's suggestion as it is", manual: null, suggested: [2000, 1000], expected: [2000, 1000] },
  {
    name: 'a smaller manual total, in proportion to the suggestion',
    manual: 1500,
    suggested: [2000, 1000],
    expected: [1000, 500],
  },
  {
    name: 'an uneven cent goes to the largest remainder',
    manual: 1001,
    suggested: [2000, 1000],
    expected: [667, 334],
  },
  {
    name: 'a larger manual total, in proportion to what each can take',
    manual: 6750,
    suggested: [2000, 1000],
    expected: [4000, 2750],
  },
];

describe('the refund sent is the calculation, or the manual total over the same payments', () => {
  it.each(splits)('$name', ({ manual, suggested: [card, gift], expected }) => {
    const preview = planRefund(resolved(manual), suggested(card!, gift!));
    expect(preview.payments.map((p) => p.amount.minor)).toEqual(expected);
    expect(preview.total.minor).toBe(manual ?? card! + gift!);
  });

  it("refundCreate carries the lines at Shopify's location, the shipping, the note and the discrepancy reason of a manual total", () => {
    const preview = planRefund(resolved(1500), suggested(2000, 1000));
    expect(refundToCreate(resolved(1500), preview)).toEqual({
      shopifyOrderId: '1001',
      currency: 'USD',
      lines: [{ lineShopifyId: '11', quantity: 1, restock: 'return', locationShopifyId: '5' }],
      shipping: { amount: '5.00' },
      transactions: [
        { parentShopifyId: '71', gateway: 'shopify_payments', amount: '10.00' },
        { parentShopifyId: '72', gateway: 'gift_card', amount: '5.00' },
      ],
      note: 'Damaged',
      notify: true,
      discrepancyReason: 'damage',
    });
    expect(
      refundToCreate(resolved(null), planRefund(resolved(null), suggested(2000, 1000))).discrepancyReason,
    ).toBeNull();
  });

  it('refuses a manual total above the maximum refundable and shipping above its refundable, naming the field', () => {
    expect(() => planRefund(resolved(6751), suggested(2000, 1000))).toThrow(
      /^amount: 67.51 USD is more than the 67.50 USD still refundable on the order's payments$/,
    );
    expect(() => planRefund(resolved(null, 501), suggested(2000, 1000))).toThrow(
      /^shipping: 5.01 USD is more than the 5.00 USD/,
    );
  });
});
