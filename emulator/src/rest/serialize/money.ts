import { formatMinor, orderCurrencies, type Bag, type Currencies, type Order } from '../../domain/index.ts';

export interface RestMoney {
  amount: string;
  currency_code: string;
}

/** Shopify's REST `*_set`: { shop_money, presentment_money } with decimal strings. */
export function moneySet(
  bag: Bag,
  currencies: Currencies,
): { shop_money: RestMoney; presentment_money: RestMoney } {
  return {
    shop_money: { amount: formatMinor(bag.shop, currencies.shop), currency_code: currencies.shop },
    presentment_money: {
      amount: formatMinor(bag.presentment, currencies.presentment),
      currency_code: currencies.presentment,
    },
  };
}

/** REST's flat amount fields are in the shop currency ("total_price": "598.94"). */
export function shopAmount(bag: Bag, currencies: Currencies): string {
  return formatMinor(bag.shop, currencies.shop);
}

export function presentmentAmount(bag: Bag, currencies: Currencies): string {
  return formatMinor(bag.presentment, currencies.presentment);
}

export function moneyOf(order: Order) {
  const currencies = orderCurrencies(order);
  return {
    currencies,
    set: (bag: Bag) => moneySet(bag, currencies),
    shop: (bag: Bag) => shopAmount(bag, currencies),
    presentment: (bag: Bag) => presentmentAmount(bag, currencies),
  };
}

export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}
