import { fail } from '../errors.ts';
import type { FulfillmentOrder, FulfillmentOrderStatus } from '../model/fulfillment.ts';
import type { ShopState } from '../state.ts';
import { getFulfillmentOrder } from './fulfillment-orders.ts';

/** Fulfillment order lifecycle as data; `transitionFulfillmentOrder` refuses anything else. */
export const fulfillmentOrderTransitions: Readonly<
  Record<FulfillmentOrderStatus, readonly FulfillmentOrderStatus[]>
> = {
  open: ['in_progress', 'closed', 'cancelled', 'on_hold', 'scheduled', 'incomplete'],
  in_progress: ['closed', 'cancelled', 'on_hold', 'open', 'incomplete'],
  on_hold: ['open', 'in_progress'],
  scheduled: ['open', 'cancelled'],
  incomplete: ['closed', 'open'],
  closed: ['open'],
  cancelled: [],
};

function transition(
  state: ShopState,
  fulfillmentOrder: FulfillmentOrder,
  to: FulfillmentOrderStatus,
): FulfillmentOrder {
  if (!fulfillmentOrderTransitions[fulfillmentOrder.status].includes(to)) {
    fail(`Fulfillment order cannot transition from ${fulfillmentOrder.status} to ${to}.`, ['id']);
  }
  fulfillmentOrder.status = to;
  fulfillmentOrder.updatedAt = state.now();
  return fulfillmentOrder;
}

export function holdFulfillmentOrder(
  state: ShopState,
  id: number,
  reason: string,
  reasonNotes: string | null = null,
) {
  const { fulfillmentOrder } = getFulfillmentOrder(state, id);
  transition(state, fulfillmentOrder, 'on_hold');
  fulfillmentOrder.holds.push({ reason, reasonNotes });
  return fulfillmentOrder;
}

export function releaseFulfillmentOrderHold(state: ShopState, id: number) {
  const { fulfillmentOrder } = getFulfillmentOrder(state, id);
  fulfillmentOrder.holds = [];
  const started = fulfillmentOrder.lineItems.some((item) => item.fulfillableQuantity < item.totalQuantity);
  return transition(state, fulfillmentOrder, started ? 'in_progress' : 'open');
}

/**
 * REST close.json / fulfillmentOrderClose: "Marks an in-progress fulfillment order as
 * incomplete" - the recorded close answers status "incomplete".
 */
export function closeFulfillmentOrder(state: ShopState, id: number) {
  return transition(state, getFulfillmentOrder(state, id).fulfillmentOrder, 'incomplete');
}

export function openFulfillmentOrder(state: ShopState, id: number) {
  return transition(state, getFulfillmentOrder(state, id).fulfillmentOrder, 'open');
}

export function cancelFulfillmentOrder(state: ShopState, id: number) {
  return transition(state, getFulfillmentOrder(state, id).fulfillmentOrder, 'cancelled');
}
