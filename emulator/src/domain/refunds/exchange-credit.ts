import { addBags, subtractBags, type Bag } from '../money/bag.ts';
import type { Order } from '../model/order.ts';
import { orderTotals } from '../orders/order-totals.ts';

/**
 * Money a refund of returned units gives back when the return carries exchange items: "The
 * value of the returned items is applied to the exchange items" (Shopify's read-exchanges
 * guide). The exchange lines already raised the order's current total, so what is owed after
 * this refund removes `value` is net payment - (current total - value), between 0 (a pricier
 * exchange: nothing back, the balance stays outstanding) and `value` (nothing left to offset).
 * A refund outside an exchange return gives back `value` unchanged.
 */
export function exchangeAdjustedTotal(order: Order, returnId: number | null | undefined, value: Bag): Bag {
  const exchange = order.returns.find((item) => item.id === returnId)?.exchangeLineItems ?? [];
  if (exchange.length === 0) return value;
  const totals = orderTotals(order);
  const owed = subtractBags(addBags(totals.netPayment, value), totals.currentTotalPrice);
  const clamp = (amount: number, max: number) => Math.min(max, Math.max(0, amount));
  return { shop: clamp(owed.shop, value.shop), presentment: clamp(owed.presentment, value.presentment) };
}
