import {
  assertCancellable,
  cancelOrder,
  closeOrder,
  createOrder,
  createRefund,
  deleteOrder,
  getOrder,
  listOrders,
  openOrder,
  updateOrder,
  type CancelReason,
  type OrderFilter,
  type OrderPatch,
  type OrderStatusFilter,
  type RestOrderInput,
} from '../../domain/index.ts';
import { idList, numberParam, objectOf, type Route, type RouteContext } from '../context.ts';
import { ok, unprocessable, type RestResponse } from '../http.ts';
import { effectiveFilters, pageOf, pickFields } from '../pagination.ts';
import { restOrder } from '../serialize/order.ts';
import { refundInputFromRest } from './refund-input.ts';

function orderFilter(filters: Record<string, string>): OrderFilter {
  const params = new URLSearchParams(filters);
  const filter: OrderFilter = { status: (params.get('status') ?? 'open') as OrderStatusFilter };
  const ids = idList(params, 'ids');
  if (ids) filter.ids = ids;
  const sinceId = numberParam(params, 'since_id');
  if (sinceId !== undefined) filter.sinceId = sinceId;
  const copy: [keyof OrderFilter, string][] = [
    ['financialStatus', 'financial_status'],
    ['fulfillmentStatus', 'fulfillment_status'],
    ['createdAtMin', 'created_at_min'],
    ['createdAtMax', 'created_at_max'],
    ['updatedAtMin', 'updated_at_min'],
    ['updatedAtMax', 'updated_at_max'],
    ['processedAtMin', 'processed_at_min'],
    ['processedAtMax', 'processed_at_max'],
    ['name', 'name'],
  ];
  for (const [key, name] of copy) {
    const value = params.get(name);
    if (value) (filter as Record<string, unknown>)[key] = value;
  }
  return filter;
}

const validStatuses = ['open', 'closed', 'cancelled', 'any'];

function listHandler({ state, params, url }: RouteContext): RestResponse {
  const effective = effectiveFilters(params);
  if (!effective.ok) return effective.response;
  const { filters } = effective;
  if (filters.status && !validStatuses.includes(filters.status)) {
    return unprocessable({ status: ['is not included in the list'] });
  }
  const all = listOrders(state, orderFilter(filters));
  const page = pageOf(all, { params, baseUrl: url('orders.json') }, filters);
  const orders = page.items.map((order) => pickFields(restOrder(state, order), params.get('fields')));
  return ok({ orders }, 200, page.linkHeader ? { link: page.linkHeader } : {});
}

function countHandler({ state, params }: RouteContext): RestResponse {
  const filters = Object.fromEntries(params);
  return ok({ count: listOrders(state, orderFilter(filters)).length });
}

function getHandler({ state, params, ids }: RouteContext): RestResponse {
  return ok({ order: pickFields(restOrder(state, getOrder(state, ids[0]!)), params.get('fields')) });
}

function createHandler({ state, body }: RouteContext): RestResponse {
  const input = objectOf(body.order) as unknown as RestOrderInput;
  if (!Array.isArray(input.line_items))
    return unprocessable({ line_items: ['must have at least one line item'] });
  return ok({ order: restOrder(state, createOrder(state, input)) }, 201);
}

function updateHandler({ state, body, ids }: RouteContext): RestResponse {
  const input = objectOf(body.order);
  const patch: OrderPatch = {};
  if ('tags' in input) patch.tags = input.tags as string;
  if ('note' in input) patch.note = input.note as string | null;
  if ('email' in input) patch.email = input.email as string | null;
  if ('phone' in input) patch.phone = input.phone as string | null;
  if ('buyer_accepts_marketing' in input)
    patch.buyerAcceptsMarketing = Boolean(input.buyer_accepts_marketing);
  if ('shipping_address' in input)
    patch.shippingAddress = input.shipping_address as OrderPatch['shippingAddress'];
  if ('customer' in input)
    patch.customerId = input.customer === null ? null : (objectOf(input.customer).id as number);
  if (Array.isArray(input.note_attributes)) {
    patch.customAttributes = (input.note_attributes as { name: string; value: string }[]).map(
      (attribute) => ({
        key: attribute.name,
        value: String(attribute.value),
      }),
    );
  }
  return ok({ order: restOrder(state, updateOrder(state, ids[0]!, patch)) });
}

/**
 * REST cancel.json: an optional `refund` object (or legacy `amount`) is refunded first, then
 * the order is cancelled (reason Default: other; restock Default: false).
 */
function cancelHandler({ state, body, ids }: RouteContext): RestResponse {
  const orderId = ids[0]!;
  const reason = (typeof body.reason === 'string' ? body.reason : 'other') as CancelReason;
  const cancel = {
    orderId,
    reason,
    restock: body.restock === true,
    refund: false,
    notifyCustomer: body.email === true,
  };
  assertCancellable(state, cancel);
  if (body.refund)
    createRefund(state, orderId, refundInputFromRest(objectOf(body.refund)), { origin: 'cancel' });
  else if (body.amount !== undefined) {
    createRefund(state, orderId, {
      ...(typeof body.currency === 'string' ? { currency: body.currency } : {}),
      transactions: [{ amount: body.amount as string, kind: 'refund' }],
    });
  }
  cancelOrder(state, cancel);
  return ok({ order: restOrder(state, getOrder(state, orderId)), notice: 'Order has been canceled' });
}

export const orderRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^orders\.json$/, handler: listHandler },
  { method: 'GET', pattern: /^orders\/count\.json$/, handler: countHandler },
  { method: 'GET', pattern: /^orders\/(\d+)\.json$/, handler: getHandler },
  { method: 'POST', pattern: /^orders\.json$/, handler: createHandler },
  { method: 'PUT', pattern: /^orders\/(\d+)\.json$/, handler: updateHandler },
  {
    method: 'DELETE',
    pattern: /^orders\/(\d+)\.json$/,
    handler: ({ state, ids }) => (deleteOrder(state, ids[0]!), ok({})),
  },
  {
    method: 'POST',
    pattern: /^orders\/(\d+)\/close\.json$/,
    handler: ({ state, ids }) => ok({ order: restOrder(state, closeOrder(state, ids[0]!)) }),
  },
  {
    method: 'POST',
    pattern: /^orders\/(\d+)\/open\.json$/,
    handler: ({ state, ids }) => ok({ order: restOrder(state, openOrder(state, ids[0]!)) }),
  },
  { method: 'POST', pattern: /^orders\/(\d+)\/cancel\.json$/, handler: cancelHandler },
];
