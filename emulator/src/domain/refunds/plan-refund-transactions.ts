import { UserErrors, type UserError } from '../errors.ts';
import type { Bag } from '../money/bag.ts';
import type { Order } from '../model/order.ts';
import type { Transaction } from '../model/payments.ts';
import { findTransaction, isRefundableParent, maximumRefundable } from '../orders/transaction-amounts.ts';
import type { ShopState } from '../state.ts';
import { amountInOrderCurrency } from './refund-money.ts';
import type { RefundInput } from './refund-input.ts';

export interface PlannedTransaction {
  parent: Transaction;
  amount: Bag;
  status: 'pending' | 'success';
}

/**
 * Checks the refund transactions before anything is written. seed 003: the calculate
 * response's "suggested_refund" must be changed to "refund"; a refund may not take more
 * from a capture/sale than its maximum refundable (the sales cap).
 */
export function plannedTransactions(
  state: ShopState,
  order: Order,
  input: RefundInput,
): PlannedTransaction[] {
  const errors: UserError[] = [];
  const used = new Map<number, number>();
  const planned: PlannedTransaction[] = [];
  (input.transactions ?? []).forEach((request, index) => {
    const field = ['transactions', String(index)];
    if ((request.kind ?? 'refund') !== 'refund') {
      return void errors.push({ field: [...field, 'kind'], message: 'Kind is not included in the list' });
    }
    const parent = parentFor(order, request.parentId ?? null);
    if (!parent)
      return void errors.push({
        field: [...field, 'parent_id'],
        message: 'Parent transaction does not exist',
      });
    const amount = amountInOrderCurrency(order, request.amount, input.currency);
    if (amount.presentment <= 0) {
      return void errors.push({ field: [...field, 'amount'], message: 'Amount must be greater than 0' });
    }
    const taken = (used.get(parent.id) ?? 0) + amount.presentment;
    if (taken > maximumRefundable(order, parent).presentment) {
      return void errors.push({ field: [...field, 'amount'], message: 'Amount cannot exceed sales cap' });
    }
    used.set(parent.id, taken);
    planned.push({ parent, amount, status: statusFor(state, parent, request.status) });
  });
  if (errors.length > 0) throw new UserErrors(errors);
  return planned;
}

/** Without parent_id Shopify refunds against the first capture/sale that still has money. */
function parentFor(order: Order, parentId: number | null): Transaction | undefined {
  if (parentId !== null) {
    const parent = findTransaction(order, parentId);
    return parent && isRefundableParent(parent) ? parent : undefined;
  }
  return order.transactions.find(
    (transaction) => isRefundableParent(transaction) && maximumRefundable(order, transaction).presentment > 0,
  );
}

function statusFor(state: ShopState, parent: Transaction, requested: 'pending' | 'success' | undefined) {
  if (requested) return requested;
  return state.data.shop.pendingRefundGateways.includes(parent.gateway) ? 'pending' : 'success';
}
