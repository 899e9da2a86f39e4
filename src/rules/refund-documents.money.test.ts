import { describe, expect, it } from 'vitest';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { inPresentment, refundOf, shipped } from '../domain/testing/refund-builders.ts';
import { formatMoney } from '../money/index.ts';
import type { CreditDocumentDraft } from './refund-decision.ts';
import { decide, invoicedAs, refundShop, render, type RefundCase } from './testing/refund-fixtures.ts';

/**
 * Money: shop money only, exchange rates when the shop sells in another currency than the books
 * keep (seed 002 "currency code"), tax inside or on top of prices, and refunds the sales document
 * already holds because it was made after them.
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
const returnTee = refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] });

function creditDocument(c: Omit<RefundCase, 'name' | 'expected'>): CreditDocumentDraft {
  const outcome = decide(c);
  if (!outcome.ok || outcome.decision.outcome !== 'documents') throw new Error(render(outcome).join('\n'));
  const document = outcome.decision.documents.find((d) => d.kind !== 'customer_refund');
  return document as CreditDocumentDraft;
}

describe('multi-currency', () => {
  it('a buyer paying in CAD changes nothing: documents take the shop money only', () => {
    const cadOrder = inPresentment(order, 'CAD', 137);
    const cadRefund = inPresentment(returnTee, 'CAD', 137);
    expect(cadRefund.lines[0]!.subtotal.presentment).toEqual({ minor: 3425, currency: 'CAD' });
    const inCad = decide({ order: cadOrder, refund: cadRefund, documents: invoicedAs(cadOrder) });
    const inUsd = decide({ order, refund: returnTee, documents: invoicedAs(order) });
    expect(render(inCad)).toEqual(render(inUsd));
    expect(JSON.stringify(inCad)).not.toContain('CAD');
  });

  it('seed 002 currency code: a EUR shop with USD books, the credit memo in EUR at the rate of its date', () => {
    const eur = shipped(anOrder({ shopCurrency: 'EUR', lines: [aLine({ unitPrice: bag(2500, 'EUR') })] }));
    const refund = refundOf(eur, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] });
    const document = creditDocument({
      order: eur,
      refund,
      documents: invoicedAs(eur),
      shop: refundShop({ shopCurrency: 'EUR' }),
      exchangeRate: { currency: 'EUR', startingDate: '2025-03-01', rate: '1.0850' },
    });
    expect([document.currency, document.exchangeRate, formatMoney(document.amountIncludingTax)]).toEqual([
      'EUR',
      '1.0850',
      '25.00',
    ]);
  });

  it('yen keep no decimals', () => {
    const jpy = shipped(
      anOrder({ shopCurrency: 'JPY', lines: [aLine({ quantity: 3, unitPrice: bag(1500, 'JPY') })] }),
    );
    const refund = refundOf(jpy, { lines: [{ line: '9001', quantity: 2, restock: 'no_restock' }] });
    const document = creditDocument({
      order: jpy,
      refund,
      documents: invoicedAs(jpy),
      shop: refundShop({ shopCurrency: 'JPY' }),
      exchangeRate: { currency: 'JPY', startingDate: '2025-03-01', rate: '0.0067' },
    });
    expect(formatMoney(document.amountIncludingTax)).toBe('3000');
  });
});

const vatOrder = shipped(
  anOrder({
    taxesIncluded: true,
    lines: [aLine({ unitPrice: bag(12100), taxLines: [{ title: 'VAT', rate: '0.21', amount: bag(2100) }] })],
  }),
);
const discounted = shipped(
  anOrder({
    lines: [{ ...mug, discountAllocations: [{ amount: bag(100), title: 'TEN', target: 'order' }] }],
  }),
);
const wrapOrder = shipped(
  anOrder({ lines: [aLine({ sku: 'SB-WRAP', title: 'Gift wrapping', unitPrice: bag(400) })] }),
);

const moneyCases: RefundCase[] = [
  {
    name: 'tax-included prices: the line amount excludes the tax inside the price',
    order: vatOrder,
    refund: refundOf(vatOrder, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] }),
    documents: invoicedAs(vatOrder),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 100.00 + tax 21.00 = 121.00',
      '  1 item 1000 "Tee" | 1 x 121.00 | disc 0.00 | amount 100.00 | tax 21.00 | loc RETURNS | restocked',
      'customer_refund paid 121.00 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1000 @RETURNS on hand +1 released 0',
    ],
  },
  {
    name: 'discounts: the refunded units carry their pro rata share of the line discount',
    order: discounted,
    refund: refundOf(discounted, { lines: [{ line: '9002', quantity: 2, restock: 'return' }] }),
    documents: invoicedAs(discounted),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 24.33 + tax 0.00 = 24.33',
      '  1 item 1001 "Mug" | 2 x 12.50 | disc 0.67 | amount 24.33 | tax 0.00 | loc RETURNS | restocked',
      'customer_refund paid 24.33 via shopify_payments from 1010 applies to SI-000001',
      'stock return 1001 @RETURNS on hand +2 released 0',
    ],
  },
  {
    name: 'a service item restocked is an item line, but no stock moves',
    order: wrapOrder,
    refund: refundOf(wrapOrder, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] }),
    documents: invoicedAs(wrapOrder),
    expected: [
      'quantity_and_amount',
      'credit_memo applies to SI-000001 | 4.00 + tax 0.00 = 4.00',
      '  1 item 1900 "Gift wrapping" | 1 x 4.00 | disc 0.00 | amount 4.00 | tax 0.00 | loc RETURNS | restocked',
      'customer_refund paid 4.00 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'duties refunded -> the refund account',
    order,
    refund: refundOf(order, { duties: [320] }),
    documents: invoicedAs(order),
    expected: [
      'amount_only',
      'credit_memo applies to SI-000001 | 3.20 + tax 0.00 = 3.20',
      '  1 gl_account 4900 "Duties refunded" | 1 x 3.20 | disc 0.00 | amount 3.20 | tax 0.00 | loc - | duties',
      'customer_refund paid 3.20 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'refund made before the invoice: already in its quantities, only the money goes out',
    order,
    refund: refundOf(order, { lines: [{ line: '9002', quantity: 1, restock: 'cancel' }] }),
    documents: invoicedAs({ ...order, lines: [tee, { ...mug, currentQuantity: 2 }] }),
    reflected: ['7001'],
    expected: [
      'quantity_and_amount',
      'customer_refund paid 12.50 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    name: 'refund made before the invoice, less paid back than the invoice left out: the 2.50 kept is invoiced',
    order,
    refund: refundOf(order, { lines: [{ line: '9002', quantity: 1, restock: 'cancel' }], refunded: 1000 }),
    documents: invoicedAs({ ...order, lines: [tee, { ...mug, currentQuantity: 2 }] }),
    reflected: ['7001'],
    expected: [
      'quantity_and_amount',
      'sales_invoice applies to SI-000001 | 2.50 + tax 0.00 = 2.50',
      '  1 gl_account 4900 "Refund discrepancy: refund discrepancy" | 1 x 2.50 | disc 0.00 | amount 2.50 | tax 0.00 | loc - | refund_discrepancy',
      'customer_refund paid 10.00 via shopify_payments from 1010 applies to SI-000001',
    ],
  },
  {
    // Reconciliation found it on the simulator's corpus (refund-quantity-only, seed "demo"): the
    // invoice, made after the refund, no longer charges the Mug, yet nothing was paid back.
    name: 'quantity-only refund made before the invoice: the 12.50 the invoice left out and the customer did not get back is invoiced',
    order,
    refund: refundOf(order, { lines: [{ line: '9002', quantity: 1, restock: 'cancel' }], refunded: 0 }),
    documents: invoicedAs({ ...order, lines: [tee, { ...mug, currentQuantity: 2 }] }),
    reflected: ['7001'],
    expected: [
      'quantity_only',
      'sales_invoice applies to SI-000001 | 12.50 + tax 0.00 = 12.50',
      '  1 gl_account 4900 "Refund discrepancy: refund discrepancy" | 1 x 12.50 | disc 0.00 | amount 12.50 | tax 0.00 | loc - | refund_discrepancy',
    ],
  },
];

describe('amounts', () => {
  it.each(moneyCases)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});
