import { formatMinor, toMoneyBag, zeroBag, type Bag, type Currencies } from '../../domain/index.ts';

/** GraphQL MoneyBag from a domain Bag: decimal strings per Shopify's Decimal scalar ("3.98"). */
export function moneyBag(bag: Bag | null | undefined, currencies: Currencies) {
  return toMoneyBag(bag ?? zeroBag, currencies);
}

/** GraphQL MoneyV2 for a shop-currency amount. */
export function shopMoney(minor: number, currency: string) {
  return { amount: formatMinor(minor, currency), currencyCode: currency };
}

/** The `Money` scalar (deprecated money fields and ProductVariant.price): a decimal string. */
export function money(minor: number, currency: string): string {
  return formatMinor(minor, currency);
}
