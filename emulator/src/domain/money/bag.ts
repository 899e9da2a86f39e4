import { formatMinor, multiplyByRatio, parseRatio, roundDiv, type Minor } from './decimal.ts';

/**
 * Shopify's MoneyBag kept as integer minor units: `shop` in the shop currency,
 * `presentment` in the currency the customer saw. Currencies live on the order.
 */
export interface Bag {
  shop: Minor;
  presentment: Minor;
}

export interface Currencies {
  shop: string;
  presentment: string;
  /** presentment -> shop multiplier as a decimal string, e.g. "0.74" ("1" when equal). */
  rate: string;
}

export const zeroBag: Bag = Object.freeze({ shop: 0, presentment: 0 });

export function bagFromPresentment(presentment: Minor, currencies: Currencies): Bag {
  return { presentment, shop: toShop(presentment, currencies) };
}

export function toShop(presentment: Minor, currencies: Currencies): Minor {
  if (currencies.shop === currencies.presentment) return presentment;
  return multiplyByRatio(presentment, parseRatio(currencies.rate));
}

/** Summed in order into two numbers: totals are computed for every order a query returns. */
export function addBags(...bags: readonly Bag[]): Bag {
  let shop = 0;
  let presentment = 0;
  for (const bag of bags) {
    shop += bag.shop;
    presentment += bag.presentment;
  }
  return { shop, presentment };
}

export function subtractBags(a: Bag, b: Bag): Bag {
  return { shop: a.shop - b.shop, presentment: a.presentment - b.presentment };
}

export function negateBag(bag: Bag): Bag {
  return { shop: -bag.shop, presentment: -bag.presentment };
}

export function sumBags<T>(items: readonly T[], pick: (item: T) => Bag): Bag {
  let shop = 0;
  let presentment = 0;
  for (const item of items) {
    const bag = pick(item);
    shop += bag.shop;
    presentment += bag.presentment;
  }
  return { shop, presentment };
}

export function minBag(a: Bag, b: Bag): Bag {
  return a.presentment <= b.presentment ? a : b;
}

export function maxZeroBag(bag: Bag): Bag {
  return { shop: Math.max(0, bag.shop), presentment: Math.max(0, bag.presentment) };
}

/** GraphQL edge: MoneyBag { shopMoney, presentmentMoney } with decimal strings. */
export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

export function toMoneyBag(
  bag: Bag,
  currencies: Currencies,
): { shopMoney: MoneyV2; presentmentMoney: MoneyV2 } {
  return {
    shopMoney: { amount: formatMinor(bag.shop, currencies.shop), currencyCode: currencies.shop },
    presentmentMoney: {
      amount: formatMinor(bag.presentment, currencies.presentment),
      currencyCode: currencies.presentment,
    },
  };
}

/** A shop-currency amount (e.g. a variant price) shown to the customer in presentment currency. */
export function bagFromShop(shop: Minor, currencies: Currencies): Bag {
  if (currencies.shop === currencies.presentment) return { shop, presentment: shop };
  const rate = parseRatio(currencies.rate);
  return { shop, presentment: roundDiv(shop * rate.denominator, rate.numerator) };
}
