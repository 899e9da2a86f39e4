import {
  type Bag,
  type Currencies,
  type DiscountAllocation,
  findVariant,
  lineDiscountTotal,
  lineGrossTotal,
  type LineItem,
  lineItemQuantities,
  type LineItemQuantities,
  type Order,
  orderCurrencies,
  shippingDiscountedPrice,
  type ShippingLine,
  type ShopState,
  subtractBags,
  sumBags,
  type TaxLine,
  unitsSlice,
} from '../../domain/index.ts';
import { firstOf } from '../connection.ts';
import { gid } from '../gid.ts';
import { productView, variantView } from './catalog-view.ts';
import { discountApplicationView } from './discount-view.ts';
import { moneyBag } from './money.ts';

export function taxLineView(taxLine: TaxLine, currencies: Currencies) {
  const rate = Number(taxLine.rate);
  return {
    title: taxLine.title,
    rate,
    // ratePercentage is the rate x 100 (0.06 -> 6.0), rounded to avoid float noise.
    ratePercentage: Math.round(rate * 1_000_000) / 10_000,
    priceSet: moneyBag(taxLine.price, currencies),
    channelLiable: taxLine.channelLiable,
    source: null,
  };
}

export function discountAllocationView(order: Order, allocation: DiscountAllocation, currencies: Currencies) {
  const application = order.discountApplications[allocation.discountApplicationIndex];
  return {
    allocatedAmountSet: moneyBag(allocation.amount, currencies),
    discountApplication: application
      ? discountApplicationView(application, allocation.discountApplicationIndex, currencies)
      : null,
  };
}

/** Discounts from codes, which `discountedTotalSet` leaves out unless `withCodeDiscounts` (LineItem doc). */
function codeDiscountTotal(order: Order, line: LineItem): Bag {
  const fromCodes = line.discountAllocations.filter(
    (allocation) => order.discountApplications[allocation.discountApplicationIndex]?.type === 'discount_code',
  );
  return sumBags(fromCodes, (allocation) => allocation.amount);
}

/** Line discounts without those from codes: what `discountedTotalSet` takes off by default. */
function lineLevelDiscount(order: Order, line: LineItem): Bag {
  return subtractBags(lineDiscountTotal(line), codeDiscountTotal(order, line));
}

/** Per-unit share of a line total. */
function unitSet(line: LineItem, total: Bag, currencies: Currencies) {
  return moneyBag(unitsSlice(total, line.quantity, 0, 1), currencies);
}

/** Share of a line total that belongs to the units not fulfilled yet. */
function unfulfilledSet(order: Order, line: LineItem, total: Bag, currencies: Currencies) {
  const units = lineItemQuantities(order, line).unfulfilledQuantity;
  return moneyBag(unitsSlice(total, line.quantity, 0, units), currencies);
}

/**
 * LineItem. Plain facts up front; amounts, quantities and linked objects when the query asks for
 * them (a line is often read for its id alone, under fulfillment and refund lines). Computed
 * fields are methods, which graphql-js calls with the field's arguments: unlike arrow
 * properties, tsx (esbuild keepNames) does not wrap each in a defineProperty call.
 */
export function lineItemView(state: ShopState, order: Order, line: LineItem) {
  const currencies = orderCurrencies(order);
  // Worked out once per view: LineItemFields asks for three of them.
  let q: LineItemQuantities | undefined;
  return {
    __typename: 'LineItem',
    id: gid('LineItem', line.id),
    name: line.name,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    vendor: line.vendor,
    quantity: line.quantity,
    currentQuantity() {
      return (q ??= lineItemQuantities(order, line)).currentQuantity;
    },
    refundableQuantity() {
      return (q ??= lineItemQuantities(order, line)).refundableQuantity;
    },
    unfulfilledQuantity() {
      return (q ??= lineItemQuantities(order, line)).unfulfilledQuantity;
    },
    nonFulfillableQuantity() {
      q ??= lineItemQuantities(order, line);
      return Math.max(0, line.quantity - q.fulfillableQuantity - q.fulfilledQuantity);
    },
    requiresShipping: line.requiresShipping,
    taxable: line.taxable,
    isGiftCard: line.giftCard,
    restockable() {
      return line.inventoryItemId !== null && (q ??= lineItemQuantities(order, line)).refundableQuantity > 0;
    },
    merchantEditable: !line.giftCard,
    product() {
      const found = line.variantId === null ? undefined : findVariant(state, line.variantId);
      return found ? productView(state, found.product) : null;
    },
    variant() {
      const found = line.variantId === null ? undefined : findVariant(state, line.variantId);
      return found ? variantView(state, found.product, found.variant) : null;
    },
    customAttributes() {
      return line.properties.map((p) => ({ key: p.name, value: p.value }));
    },
    discountAllocations() {
      return line.discountAllocations.map((a) => discountAllocationView(order, a, currencies));
    },
    taxLines(args: { first?: number }) {
      return firstOf(line.taxLines, args.first).map((t) => taxLineView(t, currencies));
    },
    originalUnitPriceSet() {
      return moneyBag(line.price, currencies);
    },
    discountedUnitPriceSet() {
      return unitSet(line, subtractBags(lineGrossTotal(line), lineLevelDiscount(order, line)), currencies);
    },
    discountedUnitPriceAfterAllDiscountsSet() {
      return unitSet(line, subtractBags(lineGrossTotal(line), lineDiscountTotal(line)), currencies);
    },
    originalTotalSet() {
      return moneyBag(lineGrossTotal(line), currencies);
    },
    discountedTotalSet(args: { withCodeDiscounts?: boolean }) {
      const discount = args.withCodeDiscounts ? lineDiscountTotal(line) : lineLevelDiscount(order, line);
      return moneyBag(subtractBags(lineGrossTotal(line), discount), currencies);
    },
    totalDiscountSet() {
      return moneyBag(lineDiscountTotal(line), currencies);
    },
    unfulfilledDiscountedTotalSet() {
      return unfulfilledSet(
        order,
        line,
        subtractBags(lineGrossTotal(line), lineDiscountTotal(line)),
        currencies,
      );
    },
    unfulfilledOriginalTotalSet() {
      return unfulfilledSet(order, line, lineGrossTotal(line), currencies);
    },
  };
}

export function shippingLineView(_state: ShopState, order: Order, line: ShippingLine) {
  const currencies = orderCurrencies(order);
  const discounted = shippingDiscountedPrice(line);
  return {
    id: gid('ShippingLine', line.id),
    title: line.title,
    code: line.code,
    source: line.source,
    carrierIdentifier: line.carrierIdentifier,
    // A line not quoted by a carrier service is custom (ShippingLine.custom doc).
    custom: line.carrierIdentifier === null,
    isRemoved: line.isRemoved,
    originalPriceSet: moneyBag(line.price, currencies),
    discountedPriceSet: moneyBag(discounted, currencies),
    currentDiscountedPriceSet: moneyBag(line.isRemoved ? null : discounted, currencies),
    taxLines: line.taxLines.map((t) => taxLineView(t, currencies)),
    discountAllocations: line.discountAllocations.map((a) => discountAllocationView(order, a, currencies)),
  };
}
