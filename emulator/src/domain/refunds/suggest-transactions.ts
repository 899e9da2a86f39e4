import { bagFromPresentment, type Bag } from '../money/bag.ts';
import type { Order } from '../model/order.ts';
import { orderCurrencies } from '../orders/currencies.ts';
import { isRefundableParent, maximumRefundable } from '../orders/transaction-amounts.ts';
import type { SuggestedTransaction } from './refund-input.ts';

/**
 * seed 003 + recorded calculate: one `suggested_refund` per refundable parent (successful
 * capture or sale), oldest first, each capped at the parent's maximum_refundable. Order
 * 450789469's capture 801038806 of 250.94 with 209.00 already refunded caps a 199.65
 * refund at 41.94.
 */
export function suggestTransactions(order: Order, total: Bag): SuggestedTransaction[] {
  const suggestions: SuggestedTransaction[] = [];
  let left = total.presentment;
  for (const parent of order.transactions.filter(isRefundableParent)) {
    const maximum = maximumRefundable(order, parent);
    if (left <= 0 || maximum.presentment <= 0) continue;
    const take = Math.min(left, maximum.presentment);
    const amount =
      take === total.presentment ? total : take === maximum.presentment ? maximum : part(order, take);
    suggestions.push({
      kind: 'suggested_refund',
      parentId: parent.id,
      gateway: parent.gateway,
      amount,
      maximumRefundable: maximum,
    });
    left -= take;
  }
  return suggestions;
}

function part(order: Order, presentment: number): Bag {
  return bagFromPresentment(presentment, orderCurrencies(order));
}
