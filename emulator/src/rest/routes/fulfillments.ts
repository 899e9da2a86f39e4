import {
  cancelFulfillment,
  createFulfillment,
  getFulfillment,
  getFulfillmentOrder,
  getOrder,
  updateFulfillmentTracking,
  NotFound,
  type TrackingInput,
} from '../../domain/index.ts';
import { numberParam, objectOf, type Route, type RouteContext } from '../context.ts';
import { ok, type RestResponse } from '../http.ts';
import { pickFields } from '../pagination.ts';
import { restFulfillment } from '../serialize/fulfillment.ts';

function trackingInput(value: unknown): TrackingInput | null {
  if (!value) return null;
  const tracking = objectOf(value);
  return {
    ...(typeof tracking.number === 'string' ? { number: tracking.number } : {}),
    ...(typeof tracking.url === 'string' ? { url: tracking.url } : {}),
    ...(typeof tracking.company === 'string' ? { company: tracking.company } : {}),
  };
}

function listForOrder({ state, params, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const sinceId = numberParam(params, 'since_id');
  const fulfillments = order.fulfillments
    .filter((fulfillment) => sinceId === undefined || fulfillment.id > sinceId)
    .map((fulfillment) =>
      pickFields(restFulfillment(state, order, fulfillment, 'list'), params.get('fields')),
    );
  return ok({ fulfillments });
}

function listForFulfillmentOrder({ state, ids }: RouteContext): RestResponse {
  const { order, fulfillmentOrder } = getFulfillmentOrder(state, ids[0]!);
  const fulfillments = order.fulfillments
    .filter((fulfillment) =>
      fulfillment.lineItems.some((item) => item.fulfillmentOrderId === fulfillmentOrder.id),
    )
    .map((fulfillment) => restFulfillment(state, order, fulfillment, 'list'));
  return ok({ fulfillments });
}

function getForOrder({ state, params, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const fulfillment = order.fulfillments.find((candidate) => candidate.id === ids[1]);
  if (!fulfillment) throw new NotFound('Fulfillment', ids[1]!);
  return ok({ fulfillment: pickFields(restFulfillment(state, order, fulfillment), params.get('fields')) });
}

/** POST fulfillments.json: line_items_by_fulfillment_order + tracking_info (2023-01+ REST). */
function createHandler({ state, body }: RouteContext): RestResponse {
  const input = objectOf(body.fulfillment);
  const groups = Array.isArray(input.line_items_by_fulfillment_order)
    ? input.line_items_by_fulfillment_order
    : [];
  const fulfillment = createFulfillment(state, {
    lineItemsByFulfillmentOrder: groups.map(objectOf).map((group) => ({
      fulfillmentOrderId: Number(group.fulfillment_order_id),
      ...(Array.isArray(group.fulfillment_order_line_items)
        ? {
            fulfillmentOrderLineItems: group.fulfillment_order_line_items
              .map(objectOf)
              .map((item) => ({ id: Number(item.id), quantity: Number(item.quantity) })),
          }
        : {}),
    })),
    trackingInfo: trackingInput(input.tracking_info),
    notifyCustomer: input.notify_customer === true,
    message: typeof input.message === 'string' ? input.message : null,
  });
  const { order } = getFulfillment(state, fulfillment.id);
  return ok({ fulfillment: restFulfillment(state, order, fulfillment) }, 201);
}

function updateTrackingHandler({ state, body, ids }: RouteContext): RestResponse {
  const input = objectOf(body.fulfillment);
  const fulfillment = updateFulfillmentTracking(
    state,
    ids[0]!,
    trackingInput(input.tracking_info) ?? {},
    input.notify_customer === true,
  );
  const { order } = getFulfillment(state, fulfillment.id);
  return ok({ fulfillment: restFulfillment(state, order, fulfillment) });
}

function cancelHandler({ state, ids }: RouteContext): RestResponse {
  const fulfillment = cancelFulfillment(state, ids[0]!);
  const { order } = getFulfillment(state, fulfillment.id);
  return ok({ fulfillment: restFulfillment(state, order, fulfillment) });
}

export const fulfillmentRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^orders\/(\d+)\/fulfillments\.json$/, handler: listForOrder },
  {
    method: 'GET',
    pattern: /^orders\/(\d+)\/fulfillments\/count\.json$/,
    handler: ({ state, ids }) => ok({ count: getOrder(state, ids[0]!).fulfillments.length }),
  },
  { method: 'GET', pattern: /^orders\/(\d+)\/fulfillments\/(\d+)\.json$/, handler: getForOrder },
  {
    method: 'GET',
    pattern: /^fulfillment_orders\/(\d+)\/fulfillments\.json$/,
    handler: listForFulfillmentOrder,
  },
  { method: 'POST', pattern: /^fulfillments\.json$/, handler: createHandler },
  { method: 'POST', pattern: /^fulfillments\/(\d+)\/update_tracking\.json$/, handler: updateTrackingHandler },
  { method: 'POST', pattern: /^fulfillments\/(\d+)\/cancel\.json$/, handler: cancelHandler },
];
