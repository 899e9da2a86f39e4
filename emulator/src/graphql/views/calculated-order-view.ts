import {
  addBags,
  type Bag,
  lineDiscountedTotal,
  type LineItem,
  lineItemQuantities,
  type Order,
  orderCurrencies,
  type OrderEditSession,
  orderTotals,
  type ShopState,
  type StagedAddedVariant,
  subtractBags,
  sumBags,
  unitsSlice,
} from '../../domain/index.ts';
import { byId, paginate, type ConnectionArgs } from '../connection.ts';
import { gid } from '../gid.ts';
import { variantView } from './catalog-view.ts';
import { moneyBag } from './money.ts';
import { orderView } from './order-view.ts';

/**
 * CalculatedOrder: the order as it would be once the edit's staged changes are committed.
 * Its line items keep the order's line item ids (gid://shopify/CalculatedLineItem/<line id>).
 */
export function calculatedOrderView(state: ShopState, session: OrderEditSession, order: Order) {
  const currencies = orderCurrencies(order);
  const existing = order.lineItems.map((line) => existingLine(state, session, order, line));
  const added = session.addedVariants.map((variant) => addedLine(state, order, variant));
  const all = [...existing, ...added];
  const before = sumBags(order.lineItems, (l) =>
    unitsSlice(lineDiscountedTotal(l), l.quantity, 0, currentOf(order, l)),
  );
  const after = sumBags(all, (l) => l.subtotal);
  const totals = orderTotals(order);
  const totalPrice = addBags(totals.currentTotalPrice, subtractBags(after, before));
  return {
    __typename: 'CalculatedOrder',
    id: gid('CalculatedOrder', session.id),
    originalOrder: () => orderView(state, order),
    lineItems: (args: ConnectionArgs) => paginate(all, args, byId, (l) => l.view),
    addedLineItems: (args: ConnectionArgs) => paginate(added, args, byId, (l) => l.view),
    shippingLines: order.shippingLines
      .filter((s) => !s.isRemoved)
      .map((s) => ({
        id: gid('CalculatedShippingLine', s.id),
        title: s.title,
        price: moneyBag(s.price, currencies),
        stagedStatus: 'NONE',
      })),
    subtotalLineItemsQuantity: all.reduce((sum, l) => sum + l.quantity, 0),
    subtotalPriceSet: moneyBag(after, currencies),
    cartDiscountAmountSet: null,
    taxLines: [],
    totalPriceSet: moneyBag(totalPrice, currencies),
    totalOutstandingSet: moneyBag(subtractBags(totalPrice, totals.netPayment), currencies),
  };
}

function currentOf(order: Order, line: LineItem): number {
  return lineItemQuantities(order, line).currentQuantity;
}

function existingLine(state: ShopState, session: OrderEditSession, order: Order, line: LineItem) {
  const currencies = orderCurrencies(order);
  const current = currentOf(order, line);
  const change = session.quantityChanges.find((c) => c.lineItemId === line.id);
  const quantity = change?.quantity ?? current;
  const discounted = lineDiscountedTotal(line);
  const subtotal = unitsSlice(discounted, line.quantity, 0, quantity);
  const product = state.data.products.find((p) => p.id === line.productId);
  const variant = product?.variants.find((v) => v.id === line.variantId);
  return {
    id: line.id,
    quantity,
    subtotal,
    view: {
      id: gid('CalculatedLineItem', line.id),
      title: line.title,
      sku: line.sku,
      variantTitle: line.variantTitle,
      quantity,
      editableQuantity: quantity,
      editableQuantityBeforeChanges: current,
      restockable: line.inventoryItemId !== null,
      restocking: change?.restock ?? false,
      hasStagedLineItemDiscount: false,
      originalUnitPriceSet: moneyBag(line.price, currencies),
      discountedUnitPriceSet: moneyBag(unitsSlice(discounted, line.quantity, 0, 1), currencies),
      editableSubtotalSet: moneyBag(subtotal, currencies),
      uneditableSubtotalSet: moneyBag(null, currencies),
      variant: product && variant ? variantView(state, product, variant) : null,
      customAttributes: line.properties.map((p) => ({ key: p.name, value: p.value })),
    },
  };
}

/** A staged variant: priced at the variant's shop price (presentment equal when the currencies match). */
function addedLine(state: ShopState, order: Order, staged: StagedAddedVariant) {
  const currencies = orderCurrencies(order);
  const product = state.data.products.find((p) => p.variants.some((v) => v.id === staged.variantId));
  const variant = product?.variants.find((v) => v.id === staged.variantId);
  const unit: Bag = { shop: variant?.price ?? 0, presentment: variant?.price ?? 0 };
  const subtotal: Bag = {
    shop: unit.shop * staged.quantity,
    presentment: unit.presentment * staged.quantity,
  };
  return {
    id: staged.calculatedLineItemId,
    quantity: staged.quantity,
    subtotal,
    view: {
      id: gid('CalculatedLineItem', staged.calculatedLineItemId),
      title: product?.title ?? '',
      sku: variant?.sku ?? null,
      variantTitle: variant && variant.title !== 'Default Title' ? variant.title : null,
      quantity: staged.quantity,
      editableQuantity: staged.quantity,
      editableQuantityBeforeChanges: 0,
      restockable: true,
      restocking: false,
      hasStagedLineItemDiscount: false,
      originalUnitPriceSet: moneyBag(unit, currencies),
      discountedUnitPriceSet: moneyBag(unit, currencies),
      editableSubtotalSet: moneyBag(subtotal, currencies),
      uneditableSubtotalSet: moneyBag(null, currencies),
      variant: product && variant ? variantView(state, product, variant) : null,
      customAttributes: [],
    },
  };
}
