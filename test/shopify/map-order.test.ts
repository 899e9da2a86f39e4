import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import type { Order } from '../../src/domain/order.ts';
import { add, type Money } from '../../src/money/index.ts';
import { fetchChangedOrders, mapOrder, type FetchedOrder } from '../../src/shopify/index.ts';
import { emulatedShop } from './emulator-shop.ts';

const sum = (amounts: Money[], currency: string): Money =>
  amounts.reduce((total, amount) => add(total, amount), { minor: 0, currency });

/** Every amount on the order is in the shop's or the buyer's currency, on its own side. */
function expectSidesKept(order: Order): void {
  for (const total of Object.values(order.totals)) {
    expect(total.shop.currency).toBe(order.shopCurrency);
    expect(total.presentment.currency).toBe(order.presentmentCurrency);
  }
}

describe('mapOrder on the payloads the emulator returns for representative orders', () => {
  let emulator: RunningEmulator;
  const fetched: FetchedOrder[] = [];
  const pick = (name: string, test: (order: Order) => boolean): FetchedOrder => {
    const found = fetched.find((f) => test(f.order));
    if (!found) throw new Error(`the simulated shop has no ${name} order`);
    return found;
  };

  beforeAll(async () => {
    const shop = await emulatedShop(80);
    emulator = shop.emulator;
    for await (const page of fetchChangedOrders(shop.client, { updatedAfter: null }))
      fetched.push(...page.orders);
  }, 60_000);
  afterAll(() => emulator.close());

  it('is pure: the same payload maps to the same order', () => {
    for (const { payload, order } of fetched) expect(mapOrder(structuredClone(payload))).toEqual(order);
  });

  it.each([
    {
      name: 'tax included: line prices carry the tax, tax lines name it',
      test: (o: Order) => o.taxesIncluded,
      check: (o: Order) => {
        expect(o.lines.every((l) => l.taxLines.length > 0 || !l.taxable)).toBe(true);
        expect(o.totals.totalTax.shop.minor).toBeGreaterThan(0);
        const lineTax = sum(
          o.lines.flatMap((l) => l.taxLines.map((t) => t.amount.shop)),
          o.shopCurrency,
        );
        const shippingTax = sum(
          o.shippingLines.flatMap((s) => s.taxLines.map((t) => t.amount.shop)),
          o.shopCurrency,
        );
        expect(lineTax.minor + shippingTax.minor).toBe(o.totals.totalTax.shop.minor);
      },
    },
    {
      name: 'tax excluded: tax on top of the prices',
      test: (o: Order) => !o.taxesIncluded && o.totals.totalTax.shop.minor > 0 && o.refunds.length === 0,
      check: (o: Order) => {
        const t = o.totals;
        expect(
          t.subtotal.shop.minor + t.totalShipping.shop.minor + t.totalTax.shop.minor + t.totalTip.shop.minor,
        ).toBe(t.totalPrice.shop.minor);
      },
    },
    {
      name: 'multi-currency: presentment and shop money side by side, never mixed',
      test: (o: Order) => o.presentmentCurrency !== o.shopCurrency,
      check: (o: Order) => {
        for (const line of o.lines) {
          expect(line.unitPrice.shop.currency).toBe(o.shopCurrency);
          expect(line.unitPrice.presentment.currency).toBe(o.presentmentCurrency);
        }
        expect(o.totals.totalPrice.presentment.currency).toBe(o.presentmentCurrency);
      },
    },
    {
      name: 'cart discount SAVE10: an order-level allocation on the lines',
      test: (o: Order) => o.lines.some((l) => l.discountAllocations.some((d) => d.title === 'SAVE10')),
      check: (o: Order) => {
        const allocations = o.lines.flatMap((l) => l.discountAllocations).filter((d) => d.title === 'SAVE10');
        expect(allocations.every((d) => d.target === 'order')).toBe(true);
        expect(o.totals.totalDiscounts.shop.minor).toBeGreaterThan(0);
      },
    },
    {
      name: 'line discount: a line-level allocation',
      test: (o: Order) => o.lines.some((l) => l.discountAllocations.some((d) => d.target === 'line')),
      check: (o: Order) => {
        const line = o.lines.find((l) => l.discountAllocations.some((d) => d.target === 'line'))!;
        expect(line.discountAllocations[0]!.amount.shop.minor).toBeGreaterThan(0);
      },
    },
    {
      name: 'shipping: the line with its price and tax',
      test: (o: Order) => o.shippingLines.length > 0 && o.totals.totalShipping.shop.minor > 0,
      check: (o: Order) => {
        const current = o.shippingLines.filter((s) => !s.isRemoved);
        expect(
          sum(
            current.map((s) => s.price.shop),
            o.shopCurrency,
          ).minor,
        ).toBe(o.totals.totalShipping.shop.minor);
      },
    },
    {
      name: 'gift card sold: flagged, not a product',
      test: (o: Order) => o.lines.some((l) => l.isGiftCard),
      check: (o: Order) => {
        const card = o.lines.find((l) => l.isGiftCard)!;
        expect(card.requiresShipping).toBe(false);
      },
    },
    {
      name: 'refund with restock: lines, restock type and money',
      test: (o: Order) => o.refunds.some((r) => r.lines.some((l) => l.restockType === 'return')),
      check: (o: Order) => {
        const refund = o.refunds.find((r) => r.lines.some((l) => l.restockType === 'return'))!;
        const line = refund.lines.find((l) => l.restockType === 'return')!;
        expect(o.lines.map((l) => l.shopifyId)).toContain(line.lineShopifyId);
        expect(line.restocked).toBe(true);
        expect(refund.transactions.some((t) => t.kind === 'refund')).toBe(true);
      },
    },
    {
      name: 'refund of shipping only: a refund shipping line naming the order shipping line',
      test: (o: Order) => o.refunds.some((r) => r.shippingLines.length > 0),
      check: (o: Order) => {
        const refund = o.refunds.find((r) => r.shippingLines.length > 0)!;
        expect(o.shippingLines.map((s) => s.shopifyId)).toContain(
          refund.shippingLines[0]!.shippingLineShopifyId,
        );
      },
    },
    {
      name: 'refund discrepancy: an adjustment with its reason',
      test: (o: Order) => o.refunds.some((r) => r.adjustments.length > 0),
      check: (o: Order) => {
        const adjustment = o.refunds.flatMap((r) => r.adjustments)[0]!;
        expect(adjustment.reason).toBe('refund_discrepancy');
      },
    },
    {
      name: 'edit removing an item: current quantity 0, the original quantity kept',
      test: (o: Order) => o.tags.includes('edit-item-removed'),
      check: (o: Order) => {
        expect(o.lines.some((l) => l.currentQuantity === 0 && l.quantity > 0)).toBe(true);
      },
    },
    {
      name: 'return with refund: return lines name order lines, the refund names the return',
      test: (o: Order) => o.tags.includes('return-with-refund'),
      check: (o: Order) => {
        expect(o.returns[0]!.lines[0]!.lineShopifyId).toMatch(/^\d+$/);
        expect(o.refunds.some((r) => r.returnShopifyId === o.returns[0]!.shopifyId)).toBe(true);
      },
    },
    {
      name: 'POS: channel Point of Sale, paid in store',
      test: (o: Order) => o.sourceName === 'pos',
      check: (o: Order) => {
        expect(o.channel).toBe('Point of Sale');
      },
    },
    {
      name: 'B2B: the company and its location',
      test: (o: Order) => o.company !== null,
      check: (o: Order) => {
        expect(o.company!.shopifyId).toMatch(/^\d+$/);
        expect(o.company!.locationShopifyId).toMatch(/^\d+$/);
      },
    },
    {
      name: 'paid online: statuses lowercased, risk low, payment reference from the sale/capture',
      test: (o: Order) => o.tags.includes('plain') && o.sourceName === 'web',
      check: (o: Order) => {
        expect(o.financialStatus).toBe('paid');
        expect(o.fulfillmentStatus).toBe('fulfilled');
        expect(o.riskLevel).toBe('low');
        const settled = o.transactions.find(
          (t) => (t.kind === 'sale' || t.kind === 'capture') && t.status === 'success',
        );
        expect(o.paymentReference).toBe(settled?.paymentReference ?? null);
        expect(o.fulfillments[0]!.lines.length).toBeGreaterThan(0);
      },
    },
  ])('$name', ({ name, test, check }) => {
    const { order } = pick(name, test);
    check(order);
    expectSidesKept(order);
    expect(order.shopifyId).toMatch(/^\d+$/);
  });
});
