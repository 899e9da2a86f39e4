import {
  lineFulfillmentStatus,
  lineItemQuantities,
  type LineItem,
  type Order,
  type TaxLine,
} from '../../domain/index.ts';
import { gid, moneyOf } from './money.ts';

export function restTaxLine(order: Order, taxLine: TaxLine) {
  const money = moneyOf(order);
  return {
    channel_liable: taxLine.channelLiable,
    price: money.shop(taxLine.price),
    price_set: money.set(taxLine.price),
    rate: Number(taxLine.rate),
    title: taxLine.title,
  };
}

/** REST line_item. `total_discount` covers line-level discounts only (cart discounts are allocations). */
export function restLineItem(order: Order, line: LineItem) {
  const money = moneyOf(order);
  const quantities = lineItemQuantities(order, line);
  const noDiscount = { shop: 0, presentment: 0 };
  return {
    id: line.id,
    admin_graphql_api_id: gid('LineItem', line.id),
    attributed_staffs: [],
    current_quantity: quantities.currentQuantity,
    fulfillable_quantity: quantities.fulfillableQuantity,
    fulfillment_service: line.fulfillmentService,
    fulfillment_status: lineFulfillmentStatus(order, line.id),
    gift_card: line.giftCard,
    grams: line.grams,
    name: line.name,
    price: money.shop(line.price),
    price_set: money.set(line.price),
    product_exists: line.productId !== null,
    product_id: line.productId,
    properties: line.properties,
    quantity: line.quantity,
    requires_shipping: line.requiresShipping,
    sku: line.sku,
    taxable: line.taxable,
    title: line.title,
    total_discount: money.shop(noDiscount),
    total_discount_set: money.set(noDiscount),
    variant_id: line.variantId,
    variant_inventory_management: line.inventoryManagement,
    variant_title: line.variantTitle,
    vendor: line.vendor,
    tax_lines: line.taxLines.map((taxLine) => restTaxLine(order, taxLine)),
    duties: line.duties.map((duty) => ({
      id: String(duty.id),
      harmonized_system_code: duty.harmonizedSystemCode,
      country_code_of_origin: duty.countryCodeOfOrigin,
      shop_money: { amount: money.shop(duty.price), currency_code: money.currencies.shop },
      presentment_money: {
        amount: money.presentment(duty.price),
        currency_code: money.currencies.presentment,
      },
      tax_lines: duty.taxLines.map((taxLine) => restTaxLine(order, taxLine)),
      admin_graphql_api_id: gid('Duty', duty.id),
    })),
    discount_allocations: line.discountAllocations.map((allocation) => ({
      amount: money.shop(allocation.amount),
      amount_set: money.set(allocation.amount),
      discount_application_index: allocation.discountApplicationIndex,
    })),
  };
}

/** Line items nested in a refund or fulfillment carry no attributed_staffs / current_quantity. */
export function restLineItemNested(order: Order, line: LineItem) {
  const { attributed_staffs: _staffs, current_quantity: _current, ...rest } = restLineItem(order, line);
  return rest;
}
