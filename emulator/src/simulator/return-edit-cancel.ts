import {
  approveReturn,
  cancelOrder,
  closeReturn,
  declineReturn,
  getOrder,
  orderEditAddVariant,
  orderEditBegin,
  orderEditCommit,
  orderEditSetQuantity,
  requestReturn,
  type ShopState,
} from '../domain/index.ts';
import { refund } from './order-actions.ts';

/** The customer asks to return one shipped unit of the first line; returns its id (or null). */
export function askForReturn(state: ShopState, orderId: number): number | null {
  const order = getOrder(state, orderId);
  const shipped = order.fulfillments
    .filter((fulfillment) => fulfillment.status === 'success')
    .flatMap((fulfillment) => fulfillment.lineItems)[0];
  if (!shipped) return null;
  const item = requestReturn(state, {
    orderId,
    returnLineItems: [
      {
        fulfillmentLineItemId: shipped.id,
        quantity: 1,
        returnReason: 'SIZE_TOO_SMALL',
        returnReasonNote: '',
      },
    ],
  });
  return item.id;
}

export function approve(state: ShopState, returnId: number | null): void {
  if (returnId !== null) approveReturn(state, returnId);
}

export function decline(state: ShopState, returnId: number | null): void {
  if (returnId !== null) declineReturn(state, returnId, 'RETURN_PERIOD_ENDED');
}

export function close(state: ShopState, returnId: number | null): void {
  if (returnId !== null) closeReturn(state, returnId);
}

/** Refunds the returned units (restocked at the fulfillment's location) against the return. */
export function refundReturn(state: ShopState, orderId: number, returnId: number | null): void {
  if (returnId === null) return;
  const order = getOrder(state, orderId);
  const item = order.returns.find((candidate) => candidate.id === returnId);
  if (!item) return;
  refund(state, orderId, {
    money: 'suggested',
    returnId,
    lines: item.lineItems.map((line) => ({
      lineItemId: line.lineItemId,
      quantity: line.quantity,
      restockType: 'return',
    })),
  });
}

export type EditKind = 'quantity-down' | 'quantity-up' | 'item-removed' | 'item-added';

/** An order edit through begin -> stage -> commit, as the admin does it. */
export function editOrder(state: ShopState, orderId: number, kind: EditKind, addVariantId: number): void {
  const order = getOrder(state, orderId);
  const session = orderEditBegin(state, orderId);
  const first = order.lineItems[0]!;
  const last = order.lineItems.filter((line) => !line.giftCard).at(-1)!;
  if (kind === 'quantity-down') orderEditSetQuantity(state, session.id, first.id, first.quantity - 1, true);
  if (kind === 'quantity-up') orderEditSetQuantity(state, session.id, first.id, first.quantity + 1);
  if (kind === 'item-removed') orderEditSetQuantity(state, session.id, last.id, 0, true);
  if (kind === 'item-added') orderEditAddVariant(state, session.id, addVariantId, 1);
  orderEditCommit(state, session.id, { notifyCustomer: false, staffNote: `simulated ${kind}` });
}

/** Cancels with restock; a paid order is refunded in full, an unpaid one has nothing to refund. */
export function cancel(state: ShopState, orderId: number, paid: boolean): void {
  cancelOrder(state, {
    orderId,
    reason: paid ? 'customer' : 'declined',
    restock: true,
    refund: paid,
    staffNote: paid ? 'Customer changed their mind' : 'Payment never arrived',
  });
}
