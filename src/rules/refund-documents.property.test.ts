import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order, OrderLine, RestockType } from '../domain/order.ts';
import { aLine, anOrder, aShippingLine, bag } from '../domain/testing/order-builders.ts';
import { inPresentment, paid, refundOf, shipped } from '../domain/testing/refund-builders.ts';
import type { CreditDocumentDraft, SalesOrderChangeDraft } from './refund-decision.ts';
import { decide, invoicedAs, salesOrderAs } from './testing/refund-fixtures.ts';

/**
 * Whatever the refund, its documents keep the money exact: the credited lines plus what the sales
 * document already left out equal Shopify's refunded total less what an exchange still leaves
 * due; every document's lines add up to its header; the customer refunds add up to the refunded
 * total; and no presentment money (EUR here) reaches a document.
 */
const lineArbitrary = (index: number, taxesIncluded: boolean) =>
  fc
    .record({
      price: fc.integer({ min: 0, max: 50_000 }),
      quantity: fc.integer({ min: 1, max: 5 }),
      discountShare: fc.integer({ min: 0, max: 50 }),
      taxPercent: fc.integer({ min: 0, max: 25 }),
      giftCard: fc.boolean(),
    })
    .map(({ price, quantity, discountShare, taxPercent, giftCard }): OrderLine => {
      const gross = price * quantity;
      const discount = Math.floor((gross * discountShare) / 100);
      const net = gross - discount;
      const tax = taxesIncluded
        ? Math.round((net * taxPercent) / (100 + taxPercent))
        : Math.round((net * taxPercent) / 100);
      return aLine({
        shopifyId: String(9001 + index),
        sku: giftCard ? null : index % 2 === 0 ? 'SB-TEE' : 'SB-MUG',
        isGiftCard: giftCard,
        quantity,
        unitPrice: bag(price),
        discountAllocations: [{ amount: bag(discount), title: 'cart', target: 'order' }],
        taxLines: [{ title: 'Tax', rate: null, amount: bag(tax) }],
      });
    });

const caseArbitrary = fc.boolean().chain((taxesIncluded) =>
  fc.record({
    taxesIncluded: fc.constant(taxesIncluded),
    lines: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArbitrary(i, taxesIncluded)))),
    shipping: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
    taken: fc.array(
      fc.record({
        units: fc.nat(),
        restock: fc.constantFrom<RestockType>('return', 'cancel', 'no_restock', 'legacy_restock'),
      }),
      { minLength: 3, maxLength: 3 },
    ),
    shippingRefund: fc.option(fc.nat(), { nil: null }),
    duty: fc.option(fc.integer({ min: 1, max: 1_000 }), { nil: null }),
    extra: fc.integer({ min: -5_000, max: 5_000 }),
    exchangePrice: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
    stage: fc.constantFrom('shipped_invoiced', 'released', 'open', 'waived'),
    reflected: fc.boolean(),
  }),
);

describe('refund documents keep the money exact', () => {
  it('credited + already in the sales document = refunded - exchange balance due, to the cent', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const base = anOrder({
          taxesIncluded: c.taxesIncluded,
          lines: c.lines,
          shippingLines: c.shipping === null ? [] : [aShippingLine({ price: bag(c.shipping) })],
        });
        const sold = c.stage === 'shipped_invoiced' ? shipped(base) : paid(base);
        const exchange =
          c.exchangePrice === null
            ? null
            : aLine({
                shopifyId: '9100',
                sku: 'SB-JACKET',
                title: 'Jacket',
                unitPrice: bag(c.exchangePrice),
              });
        const order: Order = exchange ? { ...sold, lines: [...sold.lines, exchange] } : sold;
        const lines = c.lines
          .map((line, i) => ({
            line: line.shopifyId,
            quantity: c.taken[i]!.units % (line.quantity + 1),
            restock: line.isGiftCard ? ('no_restock' as const) : c.taken[i]!.restock,
          }))
          .filter((l) => l.quantity > 0);
        const shippingLine = order.shippingLines[0];
        const shipping =
          shippingLine && c.shippingRefund !== null
            ? [
                {
                  line: shippingLine.shopifyId,
                  amount: c.shippingRefund % (shippingLine.price.shop.minor + 1),
                },
              ]
            : [];
        const draft = refundOf(order, {
          lines,
          shipping,
          duties: c.duty === null ? [] : [c.duty],
          returnId: exchange ? '2001' : null,
          exchangeCredit: c.exchangePrice ?? 0,
        });
        const refunded = Math.max(0, draft.totalRefunded.shop.minor + c.extra);
        const refund = refundOf(order, {
          lines,
          shipping,
          duties: c.duty === null ? [] : [c.duty],
          returnId: exchange ? '2001' : null,
          exchangeCredit: c.exchangePrice ?? 0,
          refunded,
        });
        const documents =
          c.stage === 'shipped_invoiced' ? invoicedAs(sold) : salesOrderAs(sold, c.stage as 'released');
        const outcome = decide({
          order: inPresentment(order, 'EUR', 91),
          refund: inPresentment(refund, 'EUR', 91),
          documents,
          reflected: c.reflected ? [refund.shopifyId] : [],
          exchanges: exchange ? [{ returnShopifyId: '2001', lineShopifyIds: ['9100'] }] : [],
        });
        if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('; '));
        expect(JSON.stringify(outcome)).not.toContain('EUR');
        const { decision } = outcome;
        if (decision.outcome !== 'documents') {
          expect(decision.outcome).toBe('not_convertible');
          expect(refunded).toBe(0);
          return;
        }
        const { totals } = decision;
        expect(totals.refunded.minor).toBe(refunded);
        expect(totals.credited.minor + totals.reflectedInSalesDocument.minor).toBe(
          totals.refunded.minor - totals.exchangeBalanceDue.minor,
        );
        expect(totals.paid.minor).toBe(refunded);
        const credits = decision.documents.filter(
          (d): d is CreditDocumentDraft | SalesOrderChangeDraft => d.kind !== 'customer_refund',
        );
        expect(credits.length).toBeLessThanOrEqual(1);
        for (const document of credits) {
          const lineSum = document.lines.reduce((a, l) => a + l.amount.minor + l.taxAmount.minor, 0);
          expect(lineSum).toBe(document.amountIncludingTax.minor);
          const signed = document.kind === 'sales_invoice' ? -lineSum : lineSum;
          expect(signed).toBe(totals.credited.minor);
          if (document.kind === 'inventory_credit_memo') expect(lineSum).toBe(0);
          for (const line of document.lines) {
            // + 0: a zero price times a negative (exchange) quantity is -0 in JavaScript.
            expect(line.unitPrice.minor * line.quantity - line.lineDiscount.minor + 0).toBe(
              c.taxesIncluded ? line.amount.minor + line.taxAmount.minor : line.amount.minor,
            );
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
