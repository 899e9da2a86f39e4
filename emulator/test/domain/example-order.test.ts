import { describe, expect, it } from 'vitest';
import {
  calculateRefund,
  financialStatus,
  formatMinor,
  lineItemQuantities,
  orderTotals,
} from '../../src/domain/index.ts';
import {
  exampleIds,
  exampleOrderAfterFirstRefund,
  exampleShop,
  placeExampleOrder,
} from '../support/example-shop.ts';

const usd = (minor: number) => formatMinor(minor, 'USD');

describe("Shopify's example order 450789469", () => {
  it('allocates TENOFF across the lines with the leftover cent on the first line', () => {
    const { state } = exampleShop();
    const order = placeExampleOrder(state);
    expect(order.lineItems.map((line) => usd(line.discountAllocations[0]!.amount.shop))).toEqual([
      '3.34',
      '3.33',
      '3.33',
    ]);
    const totals = orderTotals(order);
    expect(usd(totals.totalPrice.shop)).toBe('598.94');
    expect(usd(totals.totalTax.shop)).toBe('11.94');
    expect(usd(totals.totalDiscounts.shop)).toBe('10.00');
    // Shopify's example shows subtotal_price 597.00 next to total_discounts 10.00 and total 598.94;
    // its docs define subtotal as after discounts, which is what adds up: 587.00 + 11.94 = 598.94.
    expect(usd(totals.subtotal.shop)).toBe('587.00');
    expect(financialStatus(order)).toBe('partially_paid');
  });

  it('after the recorded 209.00 refund: current totals and partially_refunded', () => {
    const { order } = exampleOrderAfterFirstRefund();
    const totals = orderTotals(order);
    expect(usd(totals.currentSubtotal.shop)).toBe('195.67');
    expect(usd(totals.currentTotalTax.shop)).toBe('3.98');
    expect(usd(totals.currentTotalPrice.shop)).toBe('199.65');
    expect(usd(totals.currentTotalDiscounts.shop)).toBe('3.33');
    expect(financialStatus(order)).toBe('partially_refunded');
    const red = order.lineItems.find((line) => line.id === exampleIds.lines.red)!;
    expect(lineItemQuantities(order, red)).toMatchObject({ currentQuantity: 1, fulfillableQuantity: 1 });
  });

  it('headline: refunding line 518995019 x1 gives 195.67 + 3.98, capped at 41.94', () => {
    const { state } = exampleOrderAfterFirstRefund();
    const calculation = calculateRefund(state, exampleIds.order, {
      shipping: { fullRefund: true },
      refundLineItems: [{ lineItemId: exampleIds.lines.red, quantity: 1, restockType: 'no_restock' }],
    });
    const [line] = calculation.lines;
    expect(usd(line!.subtotal.shop)).toBe('195.67');
    expect(usd(line!.totalTax.shop)).toBe('3.98');
    expect(usd(line!.totalCartDiscount.shop)).toBe('3.33');
    expect(calculation.suggestedTransactions).toHaveLength(1);
    expect(calculation.suggestedTransactions[0]).toMatchObject({
      parentId: exampleIds.capture,
      gateway: 'bogus',
    });
    expect(usd(calculation.suggestedTransactions[0]!.amount.shop)).toBe('41.94');
    expect(usd(calculation.suggestedTransactions[0]!.maximumRefundable.shop)).toBe('41.94');
  });
});
