import type { DraftOrder, DraftOrderLine, ShopState } from '../../domain/index.ts';
import { byId, paginate, type ConnectionArgs } from '../connection.ts';
import { gid } from '../gid.ts';
import { mailingAddressView } from './address-view.ts';
import { productView, variantView } from './catalog-view.ts';
import { customerView } from './customer-view.ts';
import { shopMoney } from './money.ts';
import { orderView } from './order-view.ts';

/** Draft amounts are in the shop currency only (the draft model has no presentment currency). */
function bagIn(state: ShopState, minor: number) {
  const money = shopMoney(minor, state.data.shop.currencyCode);
  return { shopMoney: money, presentmentMoney: money };
}

export function draftOrderView(state: ShopState, draft: DraftOrder) {
  const money = (minor: number) => bagIn(state, minor);
  const subtotal = draft.lineItems.reduce((sum, l) => sum + l.price * l.quantity, 0);
  const customer = state.data.customers.find((c) => c.id === draft.customerId);
  const order = state.data.orders.find((o) => o.id === draft.orderId);
  return {
    __typename: 'DraftOrder',
    id: gid('DraftOrder', draft.id),
    legacyResourceId: String(draft.id),
    name: draft.name,
    status: draft.status.toUpperCase(),
    email: draft.email,
    note2: draft.note,
    tags: draft.tags,
    taxExempt: draft.taxExempt ?? false,
    taxesIncluded: draft.taxesIncluded,
    currencyCode: state.data.shop.currencyCode,
    presentmentCurrencyCode: state.data.shop.currencyCode,
    ready: true,
    customer: customer ? customerView(state, customer) : null,
    billingAddress: mailingAddressView(draft.billingAddress, `${draft.id}1`),
    shippingAddress: mailingAddressView(draft.shippingAddress, `${draft.id}2`),
    shippingLine: draft.shippingTitle
      ? {
          id: null,
          title: draft.shippingTitle,
          code: null,
          source: null,
          carrierIdentifier: null,
          custom: true,
          isRemoved: false,
          originalPriceSet: money(draft.shippingPrice),
          discountedPriceSet: money(draft.shippingPrice),
          currentDiscountedPriceSet: money(draft.shippingPrice),
          taxLines: [],
          discountAllocations: [],
        }
      : null,
    appliedDiscount: null,
    customAttributes: draft.customAttributes,
    lineItems: (args: ConnectionArgs) =>
      paginate(draft.lineItems, args, byId, (l) => draftLineView(state, l)),
    taxLines: [],
    subtotalPriceSet: money(subtotal),
    totalLineItemsPriceSet: money(subtotal),
    totalDiscountsSet: money(0),
    totalShippingPriceSet: money(draft.shippingPrice),
    totalTaxSet: money(0),
    totalPriceSet: money(subtotal + draft.shippingPrice),
    order: order ? () => orderView(state, order) : null,
    completedAt: draft.completedAt,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}

function draftLineView(state: ShopState, line: DraftOrderLine) {
  const product = state.data.products.find((p) => p.variants.some((v) => v.id === line.variantId));
  const variant = product?.variants.find((v) => v.id === line.variantId);
  return {
    id: gid('DraftOrderLineItem', line.id),
    uuid: String(line.id),
    name: variant && variant.title !== 'Default Title' ? `${line.title} - ${variant.title}` : line.title,
    title: line.title,
    sku: line.sku,
    variantTitle: variant?.title ?? null,
    vendor: product?.vendor ?? null,
    quantity: line.quantity,
    custom: line.variantId === null,
    taxable: line.taxable,
    requiresShipping: line.requiresShipping,
    isGiftCard: false,
    appliedDiscount: null,
    originalUnitPriceSet: bagIn(state, line.price),
    originalTotalSet: bagIn(state, line.price * line.quantity),
    discountedTotalSet: bagIn(state, line.price * line.quantity),
    totalDiscountSet: bagIn(state, 0),
    taxLines: [],
    variant: product && variant ? variantView(state, product, variant) : null,
    product: product ? productView(state, product) : null,
    customAttributes: [],
  };
}
