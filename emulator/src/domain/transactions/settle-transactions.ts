import { NotFound, fail } from '../errors.ts';
import type { Order } from '../model/order.ts';
import { getOrder } from '../orders/query-orders.ts';
import type { Transaction } from '../model/payments.ts';
import type { ShopState } from '../state.ts';

/** Default delay before a pending refund settles (a slow bank refund): 2 days. */
export const defaultSettleAfterMs = 2 * 24 * 3_600_000;

export interface PendingSettlement {
  order: Order;
  transaction: Transaction;
  /** Epoch ms at which it settles by itself. */
  dueAt: number;
}

/**
 * Refund transactions still `pending` (shop.pendingRefundGateways, or a refund made pending),
 * each due `shop.pendingRefundSettleAfterMs` after it was made.
 */
export function pendingSettlements(state: ShopState): PendingSettlement[] {
  const delay = state.data.shop.pendingRefundSettleAfterMs ?? defaultSettleAfterMs;
  const pending: PendingSettlement[] = [];
  for (const order of state.data.orders) {
    for (const transaction of order.transactions) {
      if (transaction.kind !== 'refund' || transaction.status !== 'pending') continue;
      pending.push({ order, transaction, dueAt: Date.parse(transaction.createdAt) + delay });
    }
  }
  return pending;
}

/** Settles every pending refund that is due at the shop clock's now (of one order, if given). */
export function settleDueTransactions(state: ShopState, orderId?: number): Transaction[] {
  const now = state.clock().getTime();
  return pendingSettlements(state)
    .filter((item) => item.dueAt <= now && (orderId === undefined || item.order.id === orderId))
    .map((item) => settle(state, item.order, item.transaction));
}

/** Settles one pending refund now, whether due or not (`orderId` spares a search of every order). */
export function settleTransaction(state: ShopState, transactionId: number, orderId?: number): Transaction {
  const orders = orderId === undefined ? state.data.orders : [getOrder(state, orderId)];
  for (const order of orders) {
    const transaction = order.transactions.find((candidate) => candidate.id === transactionId);
    if (!transaction) continue;
    if (transaction.status !== 'pending') {
      fail(`Transaction is ${transaction.status}, not pending.`, ['id'], 'INVALID_STATE');
    }
    return settle(state, order, transaction);
  }
  throw new NotFound('OrderTransaction', transactionId);
}

/**
 * The gateway's answer arrives: the same transaction turns `success` (or `failure` for the
 * configured share) — Shopify keeps one OrderTransaction whose `status` changes; it has no
 * order_transactions/update topic, so the change shows as the order's updatedAt moving
 * (orders/updated). A failed refund no longer holds money: maximumRefundable counts only
 * success and pending refunds, so the amount becomes refundable again.
 */
function settle(state: ShopState, order: Order, transaction: Transaction): Transaction {
  const fails = roll(transaction.id) < (state.data.shop.pendingRefundFailureRate ?? 0);
  transaction.status = fails ? 'failure' : 'success';
  transaction.message = fails ? 'Refund failed' : null;
  transaction.errorCode = fails ? 'processing_error' : null;
  order.financialStatusOverride = null;
  order.updatedAt = state.now();
  return transaction;
}

/** A deterministic fraction in [0, 1) per transaction id (same shop, same outcome). */
function roll(id: number): number {
  return (Math.imul(id ^ 0x5bd1e995, 0x9e3779b1) >>> 0) / 2 ** 32;
}
