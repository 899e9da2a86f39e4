import {
  cancelFulfillmentOrder,
  closeFulfillmentOrder,
  getFulfillmentOrder,
  getOrder,
  holdFulfillmentOrder,
  moveFulfillmentOrder,
  openFulfillmentOrder,
  releaseFulfillmentOrderHold,
  type ShopState,
} from '../../domain/index.ts';
import { objectOf, type Route, type RouteContext } from '../context.ts';
import { ok, type RestResponse } from '../http.ts';
import { restFulfillmentOrder } from '../serialize/fulfillment-order.ts';

function single(state: ShopState, id: number): RestResponse {
  const { order, fulfillmentOrder } = getFulfillmentOrder(state, id);
  return ok({ fulfillment_order: restFulfillmentOrder(state, order, fulfillmentOrder) });
}

function listHandler({ state, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  return ok({
    fulfillment_orders: order.fulfillmentOrders.map((item) => restFulfillmentOrder(state, order, item)),
  });
}

function holdHandler({ state, body, ids }: RouteContext): RestResponse {
  const hold = objectOf(body.fulfillment_hold);
  holdFulfillmentOrder(
    state,
    ids[0]!,
    String(hold.reason ?? 'other'),
    typeof hold.reason_notes === 'string' ? hold.reason_notes : null,
  );
  return single(state, ids[0]!);
}

/** POST fulfillment_orders/{id}/move.json: `{fulfillment_order: {new_location_id, fulfillment_order_line_items?}}`. */
function moveHandler({ state, body, ids }: RouteContext): RestResponse {
  const input = objectOf(body.fulfillment_order);
  const items = Array.isArray(input.fulfillment_order_line_items)
    ? input.fulfillment_order_line_items.map((item) => {
        const fields = objectOf(item);
        return { id: Number(fields.id), quantity: Number(fields.quantity) };
      })
    : null;
  const { order, moved, original, remaining } = moveFulfillmentOrder(state, {
    id: ids[0]!,
    newLocationId: Number(input.new_location_id),
    fulfillmentOrderLineItems: items,
  });
  return ok({
    original_fulfillment_order: restFulfillmentOrder(state, order, original),
    moved_fulfillment_order: restFulfillmentOrder(state, order, moved),
    remaining_fulfillment_order: remaining && restFulfillmentOrder(state, order, remaining),
  });
}

const action =
  (run: (state: ShopState, id: number) => unknown) =>
  ({ state, ids }: RouteContext): RestResponse => {
    run(state, ids[0]!);
    return single(state, ids[0]!);
  };

export const fulfillmentOrderRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^orders\/(\d+)\/fulfillment_orders\.json$/, handler: listHandler },
  {
    method: 'GET',
    pattern: /^fulfillment_orders\/(\d+)\.json$/,
    handler: ({ state, ids }) => single(state, ids[0]!),
  },
  {
    method: 'POST',
    pattern: /^fulfillment_orders\/(\d+)\/cancel\.json$/,
    handler: action(cancelFulfillmentOrder),
  },
  {
    method: 'POST',
    pattern: /^fulfillment_orders\/(\d+)\/close\.json$/,
    handler: action(closeFulfillmentOrder),
  },
  {
    method: 'POST',
    pattern: /^fulfillment_orders\/(\d+)\/open\.json$/,
    handler: action(openFulfillmentOrder),
  },
  { method: 'POST', pattern: /^fulfillment_orders\/(\d+)\/hold\.json$/, handler: holdHandler },
  { method: 'POST', pattern: /^fulfillment_orders\/(\d+)\/move\.json$/, handler: moveHandler },
  {
    method: 'POST',
    pattern: /^fulfillment_orders\/(\d+)\/release_hold\.json$/,
    handler: action(releaseFulfillmentOrderHold),
  },
];
