import { inventoryMoves, moveItemAt } from '../catalog/inventory.ts';
import { openFulfillmentOrders } from '../fulfillments/fulfillment-orders.ts';
import { addBags, sumBags, zeroBag } from '../money/bag.ts';
import type { LineItem, Order } from '../model/order.ts';
import { taxLinesAtRates, unitsGross } from '../orders/add-variant-lines.ts';
import type { ShopState } from '../state.ts';

/** Fulfillment order statuses that can still take more units of a line. */
const growable = new Set(['open', 'scheduled', 'on_hold', 'in_progress']);

/**
 * A committed quantity increase on an existing line. Shopify stages it as an
 * `OrderStagedChangeIncrementItem` ("An addition of items to an existing line item on the
 * order", its `lineItem` being "The original line item"), and LineItem.quantity counts "units
 * ordered, including refunded and removed units": so the same line grows (quantity and
 * currentQuantity), no new line appears. Shopify's documents do not say how the added units are
 * priced; the emulator charges the line's unit price without its discount (a discount allocated
 * to the original units stays as it was) and the line's own tax rates.
 */
export function increaseLineQuantity(state: ShopState, order: Order, line: LineItem, units: number): void {
  const gross = unitsGross(line, units);
  const base = line.price.presentment * units;
  const addedTax = line.taxable && !order.taxExempt ? taxLinesAtRates(order, line.taxLines, base) : [];
  line.taxLines = line.taxLines.map((taxLine, index) => ({
    ...taxLine,
    price: addBags(taxLine.price, addedTax[index]?.price ?? zeroBag),
  }));
  const before = line.unitsAddedByEdit ?? { quantity: 0, gross: zeroBag, tax: zeroBag };
  line.unitsAddedByEdit = {
    quantity: before.quantity + units,
    gross: addBags(before.gross, gross),
    tax: addBags(
      before.tax,
      sumBags(addedTax, (taxLine) => taxLine.price),
    ),
  };
  line.quantity += units;
  const locationId = addToFulfillmentOrder(state, order, line, units);
  if (order.inventoryBehaviour !== 'bypass') {
    moveItemAt(state, line.inventoryItemId, locationId, inventoryMoves.commit(units));
  }
}

/** The added units join the line's open fulfillment order (or a new one at the line's location). */
function addToFulfillmentOrder(state: ShopState, order: Order, line: LineItem, units: number): number | null {
  const holders = order.fulfillmentOrders.filter((fo) =>
    fo.lineItems.some((item) => item.lineItemId === line.id),
  );
  const open = holders.find((fo) => growable.has(fo.status));
  const item = open?.lineItems.find((candidate) => candidate.lineItemId === line.id);
  if (open && item) {
    item.totalQuantity += units;
    item.fulfillableQuantity += units;
    open.updatedAt = state.now();
    return open.assignedLocationId;
  }
  const preferred = holders[0]?.assignedLocationId ?? null;
  const [created] = openFulfillmentOrders(state, order, [{ ...line, quantity: units }], preferred);
  return created?.assignedLocationId ?? null;
}
