import {
  addBags,
  subtractBags,
  zeroBag,
  type Bag,
  type LineItem,
  type ShippingLine,
} from '../../domain/index.ts';

/*
 * Amount helpers the domain has but does not export yet (NEEDS.md #1). Same definitions as the
 * domain's line-amounts/order-totals; to be replaced by imports from domain/index.ts.
 */

export function sumBags<T>(items: readonly T[], pick: (item: T) => Bag): Bag {
  return items.reduce((sum, item) => addBags(sum, pick(item)), zeroBag);
}

/** price x quantity before discounts. */
export function lineGrossTotal(line: LineItem): Bag {
  return { shop: line.price.shop * line.quantity, presentment: line.price.presentment * line.quantity };
}

export function lineDiscountTotal(line: LineItem): Bag {
  return sumBags(line.discountAllocations, (allocation) => allocation.amount);
}

export function shippingDiscountedPrice(line: ShippingLine): Bag {
  return subtractBags(
    line.price,
    sumBags(line.discountAllocations, (allocation) => allocation.amount),
  );
}

/** Share of `total` (over `quantity` units) carried by units (taken, taken + take], rounded half-up cumulatively. */
export function unitsSlice(total: Bag, quantity: number, taken: number, take: number): Bag {
  return {
    shop: proRata(total.shop, quantity, taken, take),
    presentment: proRata(total.presentment, quantity, taken, take),
  };
}

function proRata(total: number, quantity: number, taken: number, take: number): number {
  if (quantity <= 0) return 0;
  return upTo(total, quantity, taken + take) - upTo(total, quantity, taken);
}

function upTo(total: number, quantity: number, units: number): number {
  const numerator = total * units;
  const absolute = Math.abs(numerator);
  const quotient = Math.floor(absolute / quantity);
  const rounded = (absolute - quotient * quantity) * 2 >= quantity ? quotient + 1 : quotient;
  return numerator < 0 ? -rounded : rounded;
}
