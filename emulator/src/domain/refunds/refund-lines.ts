import { UserErrors, type UserError } from '../errors.ts';
import { sumBags, type Bag } from '../money/bag.ts';
import type { LineItem, Order } from '../model/order.ts';
import { locationOfLine } from '../fulfillments/fulfillment-orders.ts';
import { lineDiscountedTotal, refundedUnits, taxLinesSlice, unitsSlice } from '../orders/line-amounts.ts';
import { findLineItem, lineItemQuantities } from '../orders/line-quantities.ts';
import {
  restockTypes,
  consumeRoom,
  effectiveRestockType,
  normaliseRestockType,
  roomFor,
  type RestockRoom,
} from './restock-rules.ts';
import type { CalculatedRefundLine, RefundLineItemInput } from './refund-input.ts';

/**
 * Refund rows for the requested units. Amounts follow seed 003 and Shopify's recorded
 * calculate for line 518995019 (199.00, cart discount 3.33, tax 3.98 -> subtotal 195.67,
 * total_tax 3.98): discounts and tax are taken pro rata by quantity, cumulatively, so the
 * last unit refunded carries the remainder cent.
 */
export function refundLines(
  order: Order,
  inputs: readonly RefundLineItemInput[],
  legacyRestock: boolean,
  suggestLocations: boolean,
) {
  const errors: UserError[] = [];
  const taken = new Map<number, number>();
  const rooms = new Map<number, RestockRoom>();
  const lines: CalculatedRefundLine[] = [];
  inputs.forEach((input, index) => {
    const line = findLineItem(order, input.lineItemId);
    const field = ['refund_line_items', String(index)];
    if (!line)
      return void errors.push({ field: [...field, 'line_item_id'], message: 'Line item does not exist' });
    const quantities = lineItemQuantities(order, line);
    const already = taken.get(line.id) ?? 0;
    const problem = quantityProblem(input.quantity, line, quantities.refundableQuantity - already);
    if (problem) return void errors.push({ field: [...field, 'quantity'], message: problem });
    if (input.quantity === 0) return;
    const room = rooms.get(line.id) ?? roomFor(quantities);
    const requested = normaliseRestockType(input.restockType, legacyRestock, room);
    if (!restockTypes.includes(requested)) {
      return void errors.push({
        field: [...field, 'restock_type'],
        message: 'Restock type is not included in the list',
      });
    }
    const restockType = effectiveRestockType(requested, input.quantity, room, line);
    rooms.set(line.id, consumeRoom(room, restockType, input.quantity));
    const row = refundRow(order, line, input, restockType, refundedUnits(order, line.id) + already);
    lines.push(
      suggestLocations || row.restockType === 'no_restock'
        ? row
        : { ...row, locationId: input.locationId ?? null },
    );
    taken.set(line.id, already + input.quantity);
  });
  if (errors.length > 0) throw new UserErrors(errors);
  return lines;
}

/** Shopify's messages for impossible quantities (purchased vs. still refundable). */
function quantityProblem(quantity: number, line: LineItem, refundable: number): string | null {
  if (!Number.isInteger(quantity) || quantity < 0) return 'Quantity must be greater than or equal to 0';
  if (quantity > line.quantity) return 'Quantity cannot refund more items than were purchased';
  if (quantity > refundable) return 'Quantity cannot refund more than refundable quantity';
  return null;
}

function refundRow(
  order: Order,
  line: LineItem,
  input: RefundLineItemInput,
  restockType: CalculatedRefundLine['restockType'],
  alreadyRefunded: number,
): CalculatedRefundLine {
  const units = input.quantity;
  const cartIndexes = cartDiscountIndexes(order);
  const lineLevel = sumBags(
    line.discountAllocations.filter((allocation) => !cartIndexes.has(allocation.discountApplicationIndex)),
    (allocation) => allocation.amount,
  );
  const cart = sumBags(
    line.discountAllocations.filter((allocation) => cartIndexes.has(allocation.discountApplicationIndex)),
    (allocation) => allocation.amount,
  );
  const discountedLine = {
    shop: line.price.shop * line.quantity - lineLevel.shop,
    presentment: line.price.presentment * line.quantity - lineLevel.presentment,
  };
  const discountedPrice = unitsSlice(discountedLine, line.quantity, 0, 1);
  return {
    lineItemId: line.id,
    quantity: units,
    restockType,
    // seed 003 calculate: "If location_id is not provided ... the endpoint returns a suitable location ID."
    locationId: restockType === 'no_restock' ? null : (input.locationId ?? locationOfLine(order, line.id)),
    price: line.price,
    discountedPrice,
    discountedTotalPrice: unitsSlice(discountedLine, line.quantity, alreadyRefunded, units),
    totalCartDiscount: unitsSlice(cart, line.quantity, alreadyRefunded, units),
    subtotal: unitsSlice(lineDiscountedTotal(line), line.quantity, alreadyRefunded, units),
    totalTax: taxLinesSlice(line.taxLines, line.quantity, alreadyRefunded, units),
  };
}

/** Order-level discounts ("across" all lines) are the cart discounts of the calculate response. */
function cartDiscountIndexes(order: Order): Set<number> {
  const indexes = new Set<number>();
  order.discountApplications.forEach((application, index) => {
    if (application.allocationMethod === 'across') indexes.add(index);
  });
  return indexes;
}

export function rowsTotal(
  rows: readonly CalculatedRefundLine[],
  pick: (row: CalculatedRefundLine) => Bag,
): Bag {
  return sumBags(rows, pick);
}
