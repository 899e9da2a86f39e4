import {
  findCustomer,
  financialStatus,
  formatShopTime,
  fulfillmentStatus,
  orderTotals,
  type Order,
  type ShopState,
} from './deps.ts';
import { restAddress } from './address.ts';
import { restCustomer } from './customer.ts';
import { restFulfillment } from './fulfillment.ts';
import { restLineItem, restTaxLine } from './line-item.ts';
import { gid, moneyOf } from './money.ts';
import { restRefund } from './refund.ts';
import { restShippingLine } from './shipping-line.ts';

/** REST order resource, keys in Shopify's order (GET orders/450789469.json). */
export function restOrder(state: ShopState, order: Order) {
  const money = moneyOf(order);
  const totals = orderTotals(order);
  const extra = order.extraAttributes;
  const customer = order.customerId === null ? undefined : findCustomer(state, order.customerId);
  const zero = { shop: 0, presentment: 0 };
  const hasDuties = order.lineItems.some((line) => line.duties.length > 0);
  return {
    id: order.id,
    admin_graphql_api_id: gid('Order', order.id),
    app_id: extra.app_id ?? null,
    browser_ip: extra.browser_ip ?? null,
    buyer_accepts_marketing: order.buyerAcceptsMarketing,
    cancel_reason: order.cancelReason,
    cancelled_at: formatShopTime(state, order.cancelledAt),
    cart_token: extra.cart_token ?? null,
    checkout_id: extra.checkout_id ?? null,
    checkout_token: extra.checkout_token ?? null,
    client_details: extra.client_details ?? null,
    closed_at: formatShopTime(state, order.closedAt),
    confirmation_number: extra.confirmation_number ?? null,
    confirmed: true,
    contact_email: order.email,
    created_at: formatShopTime(state, order.createdAt),
    currency: order.currency,
    current_subtotal_price: money.shop(totals.currentSubtotal),
    current_subtotal_price_set: money.set(totals.currentSubtotal),
    current_total_additional_fees_set: null,
    current_total_discounts: money.shop(totals.currentTotalDiscounts),
    current_total_discounts_set: money.set(totals.currentTotalDiscounts),
    current_total_duties_set: hasDuties ? money.set(totals.currentTotalDuties) : null,
    current_total_price: money.shop(totals.currentTotalPrice),
    current_total_price_set: money.set(totals.currentTotalPrice),
    current_total_tax: money.shop(totals.currentTotalTax),
    current_total_tax_set: money.set(totals.currentTotalTax),
    customer_locale: extra.customer_locale ?? null,
    device_id: extra.device_id ?? null,
    discount_codes: order.discountCodes.map((code) => ({
      code: code.code,
      amount: money.shop(code.amount),
      type: code.type,
    })),
    duties_included: false,
    email: order.email,
    estimated_taxes: false,
    financial_status: financialStatus(order),
    fulfillment_status: fulfillmentStatus(order),
    landing_site: extra.landing_site ?? null,
    landing_site_ref: extra.landing_site_ref ?? null,
    location_id: null,
    merchant_business_entity_id: extra.merchant_business_entity_id ?? null,
    merchant_of_record_app_id: null,
    name: order.name,
    note: order.note,
    note_attributes: order.customAttributes.map((attribute) => ({
      name: attribute.key,
      value: attribute.value,
    })),
    number: order.number,
    order_number: order.number + 1000,
    order_status_url: `https://${state.data.shop.myshopifyDomain}/${state.data.shop.id}/orders/${order.token}/authenticate?key=${order.token}`,
    original_total_additional_fees_set: null,
    original_total_duties_set: hasDuties ? money.set(totals.originalTotalDuties) : null,
    payment_gateway_names: [...new Set(order.transactions.map((transaction) => transaction.gateway))],
    phone: order.phone,
    po_number: extra.po_number ?? null,
    presentment_currency: order.presentmentCurrency,
    processed_at: formatShopTime(state, order.processedAt),
    reference: extra.reference ?? null,
    referring_site: extra.referring_site ?? null,
    source_identifier: extra.source_identifier ?? null,
    source_name: order.sourceName,
    source_url: extra.source_url ?? null,
    subtotal_price: money.shop(totals.subtotal),
    subtotal_price_set: money.set(totals.subtotal),
    tags: order.tags.join(', '),
    tax_exempt: order.taxExempt,
    tax_lines: orderTaxLines(order),
    taxes_included: order.taxesIncluded,
    test: order.test,
    token: order.token,
    total_cash_rounding_payment_adjustment_set: money.set(zero),
    total_cash_rounding_refund_adjustment_set: money.set(zero),
    total_discounts: money.shop(totals.totalDiscounts),
    total_discounts_set: money.set(totals.totalDiscounts),
    total_line_items_price: money.shop(totals.totalLineItems),
    total_line_items_price_set: money.set(totals.totalLineItems),
    total_outstanding: money.shop(totals.totalOutstanding),
    total_price: money.shop(totals.totalPrice),
    total_price_set: money.set(totals.totalPrice),
    total_shipping_price_set: money.set(totals.totalShipping),
    total_tax: money.shop(totals.totalTax),
    total_tax_set: money.set(totals.totalTax),
    total_tip_received: money.shop(totals.totalTip),
    total_weight: order.lineItems.reduce((sum, line) => sum + line.grams * line.quantity, 0),
    updated_at: formatShopTime(state, order.updatedAt),
    user_id: extra.user_id ?? null,
    billing_address: restAddress(order.billingAddress),
    customer: customer ? restCustomer(state, customer) : null,
    discount_applications: order.discountApplications.map((application) => ({
      target_type: application.targetType,
      type: application.type,
      value: application.value,
      value_type: application.valueType,
      allocation_method: application.allocationMethod,
      target_selection: application.targetSelection,
      ...(application.code !== null
        ? { code: application.code }
        : { title: application.title, description: application.description }),
    })),
    fulfillments: order.fulfillments.map((fulfillment) =>
      restFulfillment(state, order, fulfillment, 'in_order'),
    ),
    line_items: order.lineItems.map((line) => restLineItem(order, line)),
    payment_terms: null,
    refunds: order.refunds.map((refund) => restRefund(state, order, refund, true)),
    shipping_address: restAddress(order.shippingAddress),
    shipping_lines: order.shippingLines.map((line) => restShippingLine(order, line)),
  };
}

/** Order-level tax lines: the line and shipping taxes summed per title and rate. */
function orderTaxLines(order: Order) {
  const grouped = new Map<
    string,
    { title: string; rate: string; shop: number; presentment: number; channelLiable: boolean | null }
  >();
  for (const taxLine of [...order.lineItems, ...order.shippingLines].flatMap((line) => line.taxLines)) {
    const key = `${taxLine.title}|${taxLine.rate}`;
    const entry = grouped.get(key) ?? {
      title: taxLine.title,
      rate: taxLine.rate,
      shop: 0,
      presentment: 0,
      channelLiable: taxLine.channelLiable,
    };
    entry.shop += taxLine.price.shop;
    entry.presentment += taxLine.price.presentment;
    grouped.set(key, entry);
  }
  return [...grouped.values()].map((entry) => {
    const { channel_liable, ...rest } = restTaxLine(order, {
      title: entry.title,
      rate: entry.rate,
      price: { shop: entry.shop, presentment: entry.presentment },
      channelLiable: entry.channelLiable,
    });
    return {
      price: rest.price,
      rate: rest.rate,
      title: rest.title,
      price_set: rest.price_set,
      channel_liable,
    };
  });
}
