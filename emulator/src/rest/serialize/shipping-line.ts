import { type Order, type ShippingLine, subtractBags, sumBags } from './deps.ts';
import { restTaxLine } from './line-item.ts';
import { moneyOf } from './money.ts';

export function restShippingLine(order: Order, line: ShippingLine) {
  const money = moneyOf(order);
  const discounted = subtractBags(
    line.price,
    sumBags(line.discountAllocations, (allocation) => allocation.amount),
  );
  return {
    id: line.id,
    carrier_identifier: line.carrierIdentifier,
    code: line.code,
    discounted_price: money.shop(discounted),
    discounted_price_set: money.set(discounted),
    is_removed: line.isRemoved,
    phone: null,
    price: money.shop(line.price),
    price_set: money.set(line.price),
    requested_fulfillment_service_id: null,
    source: line.source,
    title: line.title,
    tax_lines: line.taxLines.map((taxLine) => restTaxLine(order, taxLine)),
    discount_allocations: line.discountAllocations.map((allocation) => ({
      amount: money.shop(allocation.amount),
      amount_set: money.set(allocation.amount),
      discount_application_index: allocation.discountApplicationIndex,
    })),
  };
}

/** A shipping line nested in a refund's refund_shipping_lines has no `is_removed`. */
export function restShippingLineInRefund(order: Order, line: ShippingLine) {
  const { is_removed: _removed, ...rest } = restShippingLine(order, line);
  return rest;
}
