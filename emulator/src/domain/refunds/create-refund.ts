import { UserErrors, type UserError } from '../errors.ts';
import { negateBag, subtractBags, sumBags, zeroBag, type Bag } from '../money/bag.ts';
import type { Order } from '../model/order.ts';
import type { OrderAdjustment, Refund, Transaction } from '../model/payments.ts';
import { recordTransaction } from '../orders/build-transactions.ts';
import { getOrder } from '../orders/query-orders.ts';
import type { ShopState } from '../state.ts';
import { applyRefundEffects } from './apply-refund-effects.ts';
import { computeRefund } from './calculate-refund.ts';
import type { RefundCalculation, RefundInput } from './refund-input.ts';
import { plannedTransactions, type PlannedTransaction } from './plan-refund-transactions.ts';

export interface CreateRefundOptions {
  /** order_edit and cancel refunds move no money and get no discrepancy adjustment. */
  origin?: Refund['origin'];
  /**
   * Restock at the line's assigned location when none is given (Default: true, as GraphQL
   * refundCreate does). REST passes false: seed 003 makes location_id required there.
   */
  suggestLocations?: boolean;
}

/** POST refunds.json / GraphQL refundCreate: validates everything, then writes the refund. */
export function createRefund(
  state: ShopState,
  orderId: number,
  input: RefundInput,
  options: CreateRefundOptions = {},
): Refund {
  const order = getOrder(state, orderId);
  const calculation = computeRefund(order, input, { suggestLocations: options.suggestLocations ?? true });
  checkRestockLocations(calculation);
  const planned = plannedTransactions(state, order, input);
  const refund = buildRefund(state, order, input, calculation, options.origin ?? 'refund');
  const transactions = planned.map((plan) => recordRefundTransaction(state, order, refund, plan));
  refund.transactionIds = transactions.map((transaction) => transaction.id);
  refund.orderAdjustments = adjustments(
    state,
    refund,
    calculation,
    transactions,
    input,
    options.origin ?? 'refund',
  );
  order.refunds.push(refund);
  order.returns.find((item) => item.id === refund.returnId)?.refundIds.push(refund.id);
  applyRefundEffects(state, order, refund);
  order.financialStatusOverride = null;
  order.updatedAt = state.now();
  return refund;
}

/** seed 003: location_id is "Required when restock_type has the value return or cancel". */
function checkRestockLocations(calculation: RefundCalculation): void {
  const errors: UserError[] = [];
  calculation.lines.forEach((line, index) => {
    if (line.restockType !== 'no_restock' && line.locationId === null) {
      errors.push({
        field: ['refund_line_items', String(index), 'location_id'],
        message: 'Location is required when restock type is return or cancel',
      });
    }
  });
  if (errors.length > 0) throw new UserErrors(errors);
}

function buildRefund(
  state: ShopState,
  order: Order,
  input: RefundInput,
  calculation: RefundCalculation,
  origin: Refund['origin'],
): Refund {
  const now = state.now();
  return {
    id: state.nextId(),
    orderId: order.id,
    createdAt: now,
    processedAt: input.processedAt ?? now,
    note: input.note ?? null,
    userId: null,
    restock: calculation.lines.some((line) => line.restockType !== 'no_restock'),
    refundLineItems: calculation.lines.map((line) => ({
      id: state.nextId(),
      lineItemId: line.lineItemId,
      quantity: line.quantity,
      restockType: line.restockType,
      locationId: line.locationId,
      subtotal: line.subtotal,
      totalTax: line.totalTax,
    })),
    refundShippingLines: calculation.shippingLines.map((line) => ({
      id: state.nextId(),
      shippingLineId: line.shippingLineId,
      subtotal: line.subtotal,
      tax: line.tax,
    })),
    orderAdjustments: [],
    duties: calculation.duties,
    transactionIds: [],
    returnId: input.returnId ?? null,
    origin,
  };
}

function recordRefundTransaction(
  state: ShopState,
  order: Order,
  refund: Refund,
  plan: PlannedTransaction,
): Transaction {
  return recordTransaction(state, order, {
    kind: 'refund',
    status: plan.status,
    amount: plan.amount,
    gateway: plan.parent.gateway,
    parentId: plan.parent.id,
    authorization: plan.parent.authorization,
    sourceName: 'web',
    refundId: refund.id,
    message: plan.status === 'pending' ? 'Refund is pending' : null,
  });
}

/**
 * seed 003: refunding shipping, or refunding less than calculated, creates order
 * adjustments. Shopify's recorded shipping refund of 5.00 shows kind shipping_refund with
 * amount -5.00; a refund_discrepancy carries calculated minus refunded (positive when the
 * customer got back less than the items' value).
 */
function adjustments(
  state: ShopState,
  refund: Refund,
  calculation: RefundCalculation,
  transactions: Transaction[],
  input: RefundInput,
  origin: Refund['origin'],
): OrderAdjustment[] {
  const result: OrderAdjustment[] = [];
  const shipping = calculation.shipping;
  if (calculation.shippingLines.length > 0) {
    result.push({
      id: state.nextId(),
      kind: 'shipping_refund',
      reason: 'Shipping refund',
      amount: negateBag(shipping.amount),
      taxAmount: negateBag(shipping.tax),
    });
  }
  if (origin !== 'refund') return result;
  const refunded = sumBags(transactions, (transaction) => transaction.amount);
  const discrepancy: Bag = subtractBags(calculation.total, refunded);
  if (discrepancy.presentment !== 0 && (refund.refundLineItems.length > 0 || transactions.length > 0)) {
    result.push({
      id: state.nextId(),
      kind: 'refund_discrepancy',
      reason: input.discrepancyReason ?? 'Refund discrepancy',
      amount: discrepancy,
      taxAmount: zeroBag,
    });
  }
  return result;
}
