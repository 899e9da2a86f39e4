import {
  type Bag,
  type Currencies,
  type DiscountAllocation,
  findVariant,
  lineDiscountTotal,
  lineGrossTotal,
  type LineItem,
  lineItemQuantities,
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

export function lineItemView(state: ShopState, order: Order, line: LineItem) {
  const currencies = orderCurrencies(order);
  const quantities = () => lineItemQuantities(order, line);
  const gross = lineGrossTotal(line);
  const allDiscounts = lineDiscountTotal(line);
  const lineLevel = subtractBags(allDiscounts, codeDiscountTotal(order, line));
  const unit = (total: Bag) => moneyBag(unitsSlice(total, line.quantity, 0, 1), currencies);
  const unfulfilled = (total: Bag) =>
    moneyBag(unitsSlice(total, line.quantity, 0, quantities().unfulfilledQuantity), currencies);
  const found = line.variantId === null ? undefined : findVariant(state, line.variantId);
  return {
    __typename: 'LineItem',
    id: gid('LineItem', line.id),
    name: line.name,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    vendor: line.vendor,
    quantity: line.quantity,
    currentQuantity: () => quantities().currentQuantity,
    refundableQuantity: () => quantities().refundableQuantity,
    unfulfilledQuantity: () => quantities().unfulfilledQuantity,
    nonFulfillableQuantity: () => {
      const q = quantities();
      return Math.max(0, line.quantity - q.fulfillableQuantity - q.fulfilledQuantity);
    },
    requiresShipping: line.requiresShipping,
    taxable: line.taxable,
    isGiftCard: line.giftCard,
    restockable: () => line.inventoryItemId !== null && quantities().refundableQuantity > 0,
    merchantEditable: !line.giftCard,
    product: found ? productView(state, found.product) : null,
    variant: found ? variantView(state, found.product, found.variant) : null,
    customAttributes: line.properties.map((p) => ({ key: p.name, value: p.value })),
    discountAllocations: line.discountAllocations.map((a) => discountAllocationView(order, a, currencies)),
    taxLines: (args: { first?: number }) =>
      firstOf(line.taxLines, args.first).map((t) => taxLineView(t, currencies)),
    originalUnitPriceSet: moneyBag(line.price, currencies),
    discountedUnitPriceSet: unit(subtractBags(gross, lineLevel)),
    discountedUnitPriceAfterAllDiscountsSet: unit(subtractBags(gross, allDiscounts)),
    originalTotalSet: moneyBag(gross, currencies),
    discountedTotalSet: (args: { withCodeDiscounts?: boolean }) =>
      moneyBag(subtractBags(gross, args.withCodeDiscounts ? allDiscounts : lineLevel), currencies),
    totalDiscountSet: moneyBag(allDiscounts, currencies),
    unfulfilledDiscountedTotalSet: () => unfulfilled(subtractBags(gross, allDiscounts)),
    unfulfilledOriginalTotalSet: () => unfulfilled(gross),
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
