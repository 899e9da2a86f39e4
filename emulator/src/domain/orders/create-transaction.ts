import { fail } from '../errors.ts';
import { subtractBags, zeroBag, type Bag } from '../money/bag.ts';
import type { Order } from '../model/order.ts';
import type { Transaction } from '../model/payments.ts';
import { createRefund } from '../refunds/create-refund.ts';
import type { ShopState } from '../state.ts';
import { amountBag, recordTransaction } from './build-transactions.ts';
import { remainingAuthorization } from './order-totals.ts';
import { getOrder } from './query-orders.ts';
import { findTransaction } from './transaction-amounts.ts';

export interface TransactionInput {
  kind: 'capture' | 'void' | 'refund' | 'sale' | 'authorization';
  amount?: string | number;
  parentId?: number | null;
  authorization?: string | null;
  gateway?: string;
  currency?: string;
  test?: boolean;
  status?: 'pending' | 'success' | 'failure';
}

/**
 * REST POST transactions.json. Recorded behaviour on order 450789469: a capture without
 * amount captures what is left of the authorization (598.94), a void records 0.00, and the
 * gateway is the parent's ("bogus").
 */
export function createTransaction(state: ShopState, orderId: number, input: TransactionInput): Transaction {
  const order = getOrder(state, orderId);
  if (input.kind === 'refund') return refundThroughTransactions(state, order, input);
  const parent = parentOf(order, input);
  const amount = amountFor(order, input, parent);
  const transaction = recordTransaction(state, order, {
    kind: input.kind,
    status: input.status ?? 'success',
    amount,
    gateway: parent?.gateway ?? input.gateway ?? 'manual',
    parentId: parent?.id ?? null,
    test: input.test ?? order.test,
    authorization: input.authorization ?? null,
    creditCard: parent?.creditCard ?? null,
  });
  order.financialStatusOverride = null;
  order.updatedAt = state.now();
  return transaction;
}

function parentOf(order: Order, input: TransactionInput): Transaction | undefined {
  if (input.kind !== 'capture' && input.kind !== 'void') return undefined;
  const parent =
    input.parentId !== undefined && input.parentId !== null
      ? findTransaction(order, input.parentId)
      : order.transactions.find(
          (transaction) =>
            transaction.kind === 'authorization' &&
            transaction.status === 'success' &&
            (input.authorization === undefined || transaction.authorization === input.authorization),
        );
  if (!parent || parent.kind !== 'authorization')
    fail('Parent transaction does not exist', ['transaction', 'parent_id']);
  return parent;
}

function amountFor(order: Order, input: TransactionInput, parent: Transaction | undefined): Bag {
  if (input.kind === 'void') return zeroBag;
  const left = parent ? remainingAuthorization(order.transactions, parent) : null;
  if (input.amount === undefined) {
    if (left) return left;
    fail("Amount can't be blank", ['transaction', 'amount']);
  }
  const amount = amountBag(order, input.amount);
  if (left && subtractBags(left, amount).presentment < 0) {
    fail('Amount cannot exceed the authorized amount', ['transaction', 'amount']);
  }
  return amount;
}

/** A REST refund transaction is a money-only refund (no line items) on the order. */
function refundThroughTransactions(state: ShopState, order: Order, input: TransactionInput): Transaction {
  if (input.amount === undefined) fail("Amount can't be blank", ['transaction', 'amount']);
  const refund = createRefund(state, order.id, {
    ...(input.currency ? { currency: input.currency } : {}),
    transactions: [{ parentId: input.parentId ?? null, amount: input.amount, kind: 'refund' }],
  });
  return order.transactions.find((transaction) => transaction.id === refund.transactionIds[0])!;
}
