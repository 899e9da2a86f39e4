import { bagFromPresentment, bagFromShop, type Bag } from '../money/bag.ts';
import { parseDecimalToMinor } from '../money/decimal.ts';
import type { Order } from '../model/order.ts';
import { orderCurrencies } from '../orders/currencies.ts';

/**
 * seed 003: "For multi-currency orders, the currency property is required whenever the
 * amount property is provided." Amounts are in that currency: the presentment currency,
 * or the shop currency converted back at the order's rate.
 */
export function amountInOrderCurrency(
  order: Order,
  amount: string | number,
  currency: string | undefined,
): Bag {
  const currencies = orderCurrencies(order);
  const given = currency ?? currencies.presentment;
  if (given === currencies.presentment) {
    return bagFromPresentment(parseDecimalToMinor(amount, currencies.presentment), currencies);
  }
  return bagFromShop(parseDecimalToMinor(amount, currencies.shop), currencies);
}
