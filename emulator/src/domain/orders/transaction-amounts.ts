import { subtractBags, sumBags, zeroBag, type Bag } from '../money/bag.ts';
import type { Order } from '../model/order.ts';
import type { Transaction } from '../model/payments.ts';

/** Transactions money can be refunded against (seed 003: "refundable parent"). */
export function isRefundableParent(transaction: Transaction): boolean {
  return (transaction.kind === 'capture' || transaction.kind === 'sale') && transaction.status === 'success';
}

/**
 * What a capture/sale can still give back: its amount minus refunds against it that
 * succeeded or are still pending (a pending refund already holds the money).
 */
export function maximumRefundable(order: Order, transaction: Transaction): Bag {
  if (!isRefundableParent(transaction)) return zeroBag;
  const refunds = order.transactions.filter(
    (child) =>
      child.parentId === transaction.id &&
      child.kind === 'refund' &&
      (child.status === 'success' || child.status === 'pending'),
  );
  const left = subtractBags(
    transaction.amount,
    sumBags(refunds, (refund) => refund.amount),
  );
  return left.presentment > 0 ? left : zeroBag;
}

export function findTransaction(order: Order, id: number): Transaction | undefined {
  return order.transactions.find((transaction) => transaction.id === id);
}
