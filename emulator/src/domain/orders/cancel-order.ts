import { UserErrors, type UserError } from '../errors.ts';
import { formatMinor } from '../money/decimal.ts';
import type { Job } from '../model/job.ts';
import type { CancelReason, Order } from '../model/order.ts';
import { computeRefund } from '../refunds/calculate-refund.ts';
import { createRefund } from '../refunds/create-refund.ts';
import type { RefundInput } from '../refunds/refund-input.ts';
import type { ShopState } from '../state.ts';
import { recordTransaction } from './build-transactions.ts';
import { lineItemQuantities } from './line-quantities.ts';
import { remainingAuthorization } from './order-totals.ts';
import { getOrder } from './query-orders.ts';

export interface CancelOrderInput {
  orderId: number;
  reason: CancelReason | Uppercase<CancelReason>;
  restock: boolean;
  /** Refund everything the customer paid (Default: false). */
  refund?: boolean;
  /** Staff-facing note, at most 255 characters (schema: orderCancel.staffNote). */
  staffNote?: string | null;
  notifyCustomer?: boolean;
}

const staffNoteLimit = 255;

/**
 * orderCancel (async: returns a Job). Refused, per Shopify's orderCancel documentation, when
 * the order is already cancelled, has pending authorizations, an active return, or units that
 * were fulfilled. Remaining authorizations are voided whatever `refund` says.
 */
export function cancelOrder(state: ShopState, input: CancelOrderInput): Job {
  const order = assertCancellable(state, input);
  const refundInput = cancellationRefund(order, input);
  voidAuthorizations(state, order);
  if (hasSomethingToRecord(refundInput))
    createRefund(state, order.id, refundInput, { origin: 'cancel', suggestLocations: true });
  order.cancelledAt = state.now();
  order.cancelReason = input.reason.toLowerCase() as CancelReason;
  order.cancellationStaffNote = input.staffNote ?? null;
  order.updatedAt = state.now();
  const job: Job = {
    id: `gid://shopify/Job/${state.nextId()}`,
    done: false,
    kind: 'order_cancel',
    createdAt: state.now(),
  };
  state.data.jobs.push(job);
  return job;
}

/** Throws the reasons an order cannot be cancelled (call before writing anything related). */
export function assertCancellable(state: ShopState, input: CancelOrderInput): Order {
  const order = getOrder(state, input.orderId);
  const errors = cancelProblems(order, input);
  if (errors.length > 0) throw new UserErrors(errors);
  return order;
}

function cancelProblems(order: Order, input: CancelOrderInput): UserError[] {
  const problems: UserError[] = [];
  const add = (field: string[] | null, message: string) => problems.push({ field, message, code: 'INVALID' });
  if (order.cancelledAt !== null) add(['orderId'], 'Order has already been cancelled.');
  if ((input.staffNote ?? '').length > staffNoteLimit) {
    add(['staffNote'], `Staff note is too long (maximum is ${staffNoteLimit} characters)`);
  }
  if (
    order.transactions.some(
      (transaction) => transaction.kind === 'authorization' && transaction.status === 'pending',
    )
  ) {
    add(['orderId'], 'Order has pending payment authorizations and cannot be cancelled.');
  }
  if (order.returns.some((item) => item.status === 'OPEN' || item.status === 'REQUESTED')) {
    add(['orderId'], 'Order has an active return and cannot be cancelled.');
  }
  if (order.lineItems.some((line) => lineItemQuantities(order, line).fulfilledQuantity > 0)) {
    add(['orderId'], 'Cannot cancel an order with fulfilled items.');
  }
  return problems;
}

/** Every unit still on the order leaves it; money goes back only when `refund` is true. */
function cancellationRefund(order: Order, input: CancelOrderInput): RefundInput {
  const refundLineItems = order.lineItems
    .map((line) => ({ line, quantity: lineItemQuantities(order, line).refundableQuantity }))
    .filter((entry) => entry.quantity > 0)
    .map((entry) => ({
      lineItemId: entry.line.id,
      quantity: entry.quantity,
      restockType: input.restock ? ('cancel' as const) : ('no_restock' as const),
    }));
  const base: RefundInput = {
    refundLineItems,
    shipping: { fullRefund: true },
    note: input.staffNote ?? null,
  };
  if (!input.refund) return base;
  const suggested = computeRefund(order, base).suggestedTransactions;
  return {
    ...base,
    transactions: suggested.map((transaction) => ({
      parentId: transaction.parentId,
      amount: formatMinor(transaction.amount.presentment, order.presentmentCurrency),
      kind: 'refund',
    })),
  };
}

function hasSomethingToRecord(input: RefundInput): boolean {
  return (input.refundLineItems?.length ?? 0) > 0 || (input.transactions?.length ?? 0) > 0;
}

function voidAuthorizations(state: ShopState, order: Order): void {
  for (const authorization of order.transactions.filter(
    (item) => item.kind === 'authorization' && item.status === 'success',
  )) {
    if (remainingAuthorization(order.transactions, authorization).presentment <= 0) continue;
    recordTransaction(state, order, {
      kind: 'void',
      amount: { shop: 0, presentment: 0 },
      gateway: authorization.gateway,
      parentId: authorization.id,
    });
  }
}
