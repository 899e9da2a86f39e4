import { NotFound, UserErrors, type UserError } from '../errors.ts';
import type { Order } from '../model/order.ts';
import type { Return, ReturnStatus } from '../model/returns.ts';
import { getOrder } from '../orders/query-orders.ts';
import type { ShopState } from '../state.ts';
import { addExchangeLines, checkExchangeItems, type ExchangeItemInput } from './exchange-lines.ts';
import { transitionReturn } from './return-status.ts';
import { findOrderPart } from '../orders/order-parts-index.ts';

export interface ReturnInput {
  orderId: number;
  returnLineItems: {
    fulfillmentLineItemId: number;
    quantity: number;
    returnReason?: string;
    returnReasonNote?: string;
    customerNote?: string | null;
  }[];
  /** returnCreate only (ReturnRequestInput has none): "The new line items to be added to the order". */
  exchangeLineItems?: ExchangeItemInput[];
}

/** returnRequest: the customer asks; the merchant approves or declines later. */
export function requestReturn(state: ShopState, input: ReturnInput): Return {
  return openReturn(state, input, 'REQUESTED');
}

/** returnCreate: a merchant-created return is open at once. */
export function createReturn(state: ShopState, input: ReturnInput): Return {
  return openReturn(state, input, 'OPEN');
}

function openReturn(state: ShopState, input: ReturnInput, status: ReturnStatus): Return {
  const order = getOrder(state, input.orderId);
  checkReturnable(state, order, input);
  const now = state.now();
  const created: Return = {
    id: state.nextId(),
    orderId: order.id,
    name: `${order.name}-R${order.returns.length + 1}`,
    status,
    lineItems: input.returnLineItems.map((item) => ({
      id: state.nextId(),
      fulfillmentLineItemId: item.fulfillmentLineItemId,
      lineItemId: fulfillmentLine(order, item.fulfillmentLineItemId)!.lineItemId,
      quantity: item.quantity,
      returnReason: item.returnReason ?? 'UNKNOWN',
      returnReasonNote: item.returnReasonNote ?? '',
      customerNote: item.customerNote ?? null,
    })),
    declineReason: null,
    refundIds: [],
    createdAt: now,
    closedAt: null,
  };
  if (input.exchangeLineItems?.length) {
    created.exchangeLineItems = addExchangeLines(state, order, input.exchangeLineItems);
  }
  order.returns.push(created);
  order.updatedAt = now;
  return created;
}

function fulfillmentLine(order: Order, id: number) {
  return order.fulfillments
    .filter((fulfillment) => fulfillment.status === 'success')
    .flatMap((fulfillment) => fulfillment.lineItems)
    .find((item) => item.id === id);
}

/** Only shipped units can come back, and each unit only once across active returns. */
function checkReturnable(state: ShopState, order: Order, input: ReturnInput): void {
  const errors: UserError[] = checkExchangeItems(state, input.exchangeLineItems ?? []);
  if (input.returnLineItems.length === 0) {
    errors.push({ field: ['returnLineItems'], message: 'Return must have at least one line item.' });
  }
  input.returnLineItems.forEach((item, index) => {
    const field = ['returnLineItems', String(index)];
    const shipped = fulfillmentLine(order, item.fulfillmentLineItemId);
    if (!shipped)
      return void errors.push({
        field: [...field, 'fulfillmentLineItemId'],
        message: 'Fulfillment line item does not exist.',
      });
    const inReturns = order.returns
      .filter((existing) => !['DECLINED', 'CANCELED'].includes(existing.status))
      .flatMap((existing) => existing.lineItems)
      .filter((line) => line.fulfillmentLineItemId === item.fulfillmentLineItemId)
      .reduce((sum, line) => sum + line.quantity, 0);
    if (item.quantity < 1 || item.quantity > shipped.quantity - inReturns) {
      errors.push({ field: [...field, 'quantity'], message: 'Quantity is not returnable.', code: 'INVALID' });
    }
  });
  if (errors.length > 0) throw new UserErrors(errors);
}

export function findReturn(state: ShopState, id: number): { order: Order; item: Return } | undefined {
  const found = findOrderPart(state, 'returns', id);
  return found && { order: found.order, item: found.part };
}

function moveReturn(state: ShopState, id: number, to: ReturnStatus): Return {
  const found = findReturn(state, id);
  if (!found) throw new NotFound('Return', id);
  found.item.status = transitionReturn(found.item.status, to);
  found.item.closedAt = to === 'CLOSED' ? state.now() : null;
  found.order.updatedAt = state.now();
  return found.item;
}

export const approveReturn = (state: ShopState, id: number) => moveReturn(state, id, 'OPEN');
export const closeReturn = (state: ShopState, id: number) => moveReturn(state, id, 'CLOSED');
export const reopenReturn = (state: ShopState, id: number) => moveReturn(state, id, 'OPEN');
export const cancelReturn = (state: ShopState, id: number) => moveReturn(state, id, 'CANCELED');

export function declineReturn(state: ShopState, id: number, reason = 'OTHER'): Return {
  const declined = moveReturn(state, id, 'DECLINED');
  declined.declineReason = reason;
  return declined;
}
