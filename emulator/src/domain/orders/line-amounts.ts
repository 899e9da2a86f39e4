import { proRataSlice } from '../money/allocate.ts';
import { addBags, sumBags, type Bag } from '../money/bag.ts';
import type { LineItem, Order, TaxLine } from '../model/order.ts';

/** price x quantity before discounts, for all original units. */
export function lineGrossTotal(line: LineItem): Bag {
  return { shop: line.price.shop * line.quantity, presentment: line.price.presentment * line.quantity };
}

export function lineDiscountTotal(line: LineItem): Bag {
  return sumBags(line.discountAllocations, (allocation) => allocation.amount);
}

export function lineTaxTotal(line: LineItem): Bag {
  return sumBags(line.taxLines, (taxLine) => taxLine.price);
}

export function lineDiscountedTotal(line: LineItem): Bag {
  const gross = lineGrossTotal(line);
  const discount = lineDiscountTotal(line);
  return { shop: gross.shop - discount.shop, presentment: gross.presentment - discount.presentment };
}

/**
 * The share of a line-level amount carried by units (alreadyTaken, alreadyTaken + take].
 * Shopify refunds tax and discounts "pro rata by quantity"; cumulative rounding makes a
 * line refunded unit by unit sum to exactly what was charged.
 */
export function unitsSlice(total: Bag, quantity: number, alreadyTaken: number, take: number): Bag {
  return {
    shop: proRataSlice(total.shop, quantity, alreadyTaken, take),
    presentment: proRataSlice(total.presentment, quantity, alreadyTaken, take),
  };
}

export function taxLinesSlice(
  taxLines: readonly TaxLine[],
  quantity: number,
  taken: number,
  take: number,
): Bag {
  return addBags(...taxLines.map((taxLine) => unitsSlice(taxLine.price, quantity, taken, take)));
}

export function refundedUnits(order: Order, lineItemId: number): number {
  return order.refunds
    .flatMap((refund) => refund.refundLineItems)
    .filter((item) => item.lineItemId === lineItemId)
    .reduce((total, item) => total + item.quantity, 0);
}

export interface LineCurrentAmounts {
  /** Discounted total of the units still on the order. */
  discountedTotal: Bag;
  discount: Bag;
  tax: Bag;
  gross: Bag;
}

/** Amounts of the line's remaining units: original minus what refunds (and edits) took. */
export function lineItemCurrentAmounts(order: Order, line: LineItem): LineCurrentAmounts {
  const refunded = refundedUnits(order, line.id);
  const remaining = line.quantity - refunded;
  return {
    discountedTotal: unitsSlice(lineDiscountedTotal(line), line.quantity, refunded, remaining),
    discount: unitsSlice(lineDiscountTotal(line), line.quantity, refunded, remaining),
    tax: taxLinesSlice(line.taxLines, line.quantity, refunded, remaining),
    gross: unitsSlice(lineGrossTotal(line), line.quantity, refunded, remaining),
  };
}
