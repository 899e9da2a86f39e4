import type { Currencies } from '../money/bag.ts';
import type { Order } from '../model/order.ts';

export function orderCurrencies(order: Order): Currencies {
  return { shop: order.currency, presentment: order.presentmentCurrency, rate: order.exchangeRate };
}
