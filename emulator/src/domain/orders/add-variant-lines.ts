import { inventoryMoves, moveItemAt } from '../catalog/inventory.ts';
import { locationOfLine, openFulfillmentOrders } from '../fulfillments/fulfillment-orders.ts';
import { bagFromPresentment, type Bag } from '../money/bag.ts';
import type { LineItem, Order, TaxLine } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { buildLineItem } from './build-line-items.ts';
import { taxOn } from './build-taxes.ts';
import { orderCurrencies } from './currencies.ts';

export interface VariantLineToAdd {
  /** Id the new LineItem takes (a staged CalculatedLineItem keeps its id on commit). */
  id?: number;
  variantId: number;
  quantity: number;
}

/**
 * Lines added to an existing order (order edit `orderEditAddVariant`, return exchange items):
 * priced at the variant's price, taxed at the rates the order already charges, given their own
 * fulfillment order ("A new FulfillmentOrder is created on the original order for the exchange
 * items", Shopify's read-exchanges guide) and committed in inventory like any sold unit.
 */
export function addVariantLines(
  state: ShopState,
  order: Order,
  items: readonly VariantLineToAdd[],
  locationId: number | null,
  mark: (line: LineItem) => void,
): LineItem[] {
  const currencies = orderCurrencies(order);
  const rates = order.lineItems.find((candidate) => candidate.taxLines.length > 0)?.taxLines ?? [];
  const lines = items.map((item) => {
    const line = buildLineItem(
      state,
      {
        ...(item.id === undefined ? {} : { id: item.id }),
        variant_id: item.variantId,
        quantity: item.quantity,
      },
      order.lineItems.length,
      currencies,
      item.id !== undefined,
    );
    mark(line);
    if (line.taxable && !order.taxExempt) {
      line.taxLines = taxLinesAtRates(order, rates, line.price.presentment * line.quantity);
    }
    order.lineItems.push(line);
    return line;
  });
  openFulfillmentOrders(state, order, lines, locationId);
  if (order.inventoryBehaviour !== 'bypass') {
    for (const line of lines) {
      moveItemAt(
        state,
        line.inventoryItemId,
        locationOfLine(order, line.id),
        inventoryMoves.commit(line.quantity),
      );
    }
  }
  return lines;
}

/** Tax lines at `rates` on a presentment base (tax-inclusive when the order's prices include it). */
export function taxLinesAtRates(order: Order, rates: readonly TaxLine[], base: number): TaxLine[] {
  const currencies = orderCurrencies(order);
  return rates.map((rate) => ({
    title: rate.title,
    rate: rate.rate,
    price: bagFromPresentment(taxOn(base, rate.rate, order.taxesIncluded), currencies),
    channelLiable: rate.channelLiable,
  }));
}

/** Units x unit price, in both currencies. */
export function unitsGross(line: LineItem, units: number): Bag {
  return { shop: line.price.shop * units, presentment: line.price.presentment * units };
}
