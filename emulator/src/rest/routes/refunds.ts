import {
  calculateRefund,
  createRefund,
  getOrder,
  NotFound,
  type Order,
  type RefundCalculation,
} from '../../domain/index.ts';
import { objectOf, type Route, type RouteContext } from '../context.ts';
import { ok, unprocessable, type RestResponse } from '../http.ts';
import { effectiveFilters, pageOf, pickFields } from '../pagination.ts';
import { moneyOf } from '../serialize/money.ts';
import { restRefund } from '../serialize/refund.ts';
import { restShippingLineInRefund } from '../serialize/shipping-line.ts';
import { refundInputFromRest } from './refund-input.ts';

function listHandler({ state, params, ids, url }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const effective = effectiveFilters(params);
  if (!effective.ok) return effective.response;
  const page = pageOf(
    order.refunds,
    { params, baseUrl: url(`orders/${order.id}/refunds.json`) },
    effective.filters,
  );
  const refunds = page.items.map((refund) =>
    pickFields(restRefund(state, order, refund), params.get('fields')),
  );
  return ok({ refunds }, 200, page.linkHeader ? { link: page.linkHeader } : {});
}

function getHandler({ state, params, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const refund = order.refunds.find((candidate) => candidate.id === ids[1]);
  if (!refund) throw new NotFound('Refund', ids[1]!);
  return ok({ refund: pickFields(restRefund(state, order, refund), params.get('fields')) });
}

/**
 * seed 003: "For multi-currency orders, the currency property is required whenever the amount
 * property is provided."
 */
function missingCurrency(order: Order, refund: Record<string, unknown>): RestResponse | null {
  if (order.currency === order.presentmentCurrency || typeof refund.currency === 'string') return null;
  const shipping = objectOf(refund.shipping);
  const transactions = Array.isArray(refund.transactions) ? refund.transactions.map(objectOf) : [];
  const amountGiven =
    shipping.amount !== undefined || transactions.some((transaction) => transaction.amount !== undefined);
  return amountGiven
    ? unprocessable({ currency: ['is required when an amount is given for a multi-currency order'] })
    : null;
}

function calculateHandler({ state, body, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const refusal = missingCurrency(order, objectOf(body.refund));
  if (refusal) return refusal;
  const calculation = calculateRefund(state, order.id, refundInputFromRest(objectOf(body.refund)));
  return ok({ refund: restCalculation(order, calculation) });
}

function createHandler({ state, body, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const refusal = missingCurrency(order, objectOf(body.refund));
  if (refusal) return refusal;
  // seed 003: location_id "is required when the value of restock_type is return or cancel".
  const refund = createRefund(state, order.id, refundInputFromRest(objectOf(body.refund)), {
    suggestLocations: false,
  });
  return ok({ refund: restRefund(state, order, refund) }, 201);
}

/** The calculate.json body, as Shopify records it for order 450789469. */
function restCalculation(order: Order, calculation: RefundCalculation) {
  const money = moneyOf(order);
  const zero = { shop: 0, presentment: 0 };
  return {
    duties: calculation.duties.map((duty) => ({ duty_id: duty.dutyId, amount_set: money.set(duty.amount) })),
    total_duties_set: money.set(calculation.totalDuties),
    return: null,
    shipping: {
      amount: money.presentment(calculation.shipping.amount),
      tax: money.presentment(calculation.shipping.tax),
      maximum_refundable: money.presentment(calculation.shipping.maximumRefundable),
    },
    additional_fees: [],
    total_additional_fees_set: money.set(zero),
    refund_shipping_lines: calculation.shippingLines.map((line) => {
      const shippingLine = order.shippingLines.find((candidate) => candidate.id === line.shippingLineId)!;
      return {
        id: null,
        shipping_line_id: line.shippingLineId,
        subtotal_amount_set: money.set(line.subtotal),
        shipping_line: restShippingLineInRefund(order, shippingLine),
      };
    }),
    refund_line_items: calculation.lines.map((line) => ({
      quantity: line.quantity,
      line_item_id: line.lineItemId,
      location_id: line.locationId,
      restock_type: line.restockType,
      price: money.presentment(line.price),
      subtotal: money.presentment(line.subtotal),
      total_tax: money.presentment(line.totalTax),
      discounted_price: money.presentment(line.discountedPrice),
      discounted_total_price: money.presentment(line.discountedTotalPrice),
      total_cart_discount_amount: money.presentment(line.totalCartDiscount),
    })),
    transactions: calculation.suggestedTransactions.map((transaction) => ({
      order_id: order.id,
      kind: transaction.kind,
      gateway: transaction.gateway,
      parent_id: transaction.parentId,
      amount: money.presentment(transaction.amount),
      currency: calculation.currency,
      maximum_refundable: money.presentment(transaction.maximumRefundable),
    })),
    currency: calculation.currency,
  };
}

export const refundRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^orders\/(\d+)\/refunds\.json$/, handler: listHandler },
  { method: 'GET', pattern: /^orders\/(\d+)\/refunds\/(\d+)\.json$/, handler: getHandler },
  { method: 'POST', pattern: /^orders\/(\d+)\/refunds\/calculate\.json$/, handler: calculateHandler },
  { method: 'POST', pattern: /^orders\/(\d+)\/refunds\.json$/, handler: createHandler },
];
