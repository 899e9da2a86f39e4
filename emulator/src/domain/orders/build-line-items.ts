import { getVariant } from '../catalog/products.ts';
import { fail } from '../errors.ts';
import { bagFromPresentment, bagFromShop, type Currencies } from '../money/bag.ts';
import { parseDecimalToMinor } from '../money/decimal.ts';
import type { LineItem } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import type { RestLineItemInput } from './order-input.ts';

/** A line from a variant (price, SKU, inventory item) or a custom title/price line. */
export function buildLineItem(
  state: ShopState,
  input: RestLineItemInput,
  index: number,
  currencies: Currencies,
  preserveIds: boolean,
): LineItem {
  if (!Number.isInteger(input.quantity) || input.quantity < 1) {
    fail('Quantity must be greater than or equal to 1', ['line_items', String(index), 'quantity']);
  }
  const id = preserveIds && input.id !== undefined ? state.claimId(input.id) : state.nextId();
  const base = input.variant_id ? fromVariant(state, input.variant_id) : fromCustom(input, index);
  const giftCard = input.gift_card ?? base.giftCard;
  const price =
    input.price !== undefined
      ? bagFromPresentment(parseDecimalToMinor(input.price, currencies.presentment), currencies)
      : bagFromShop(base.shopPrice, currencies);
  const title = input.title ?? base.title;
  const variantTitle = input.variant_title === undefined ? base.variantTitle : input.variant_title;
  return {
    id,
    variantId: input.variant_id ?? null,
    productId: input.product_id ?? base.productId,
    inventoryItemId: base.inventoryItemId,
    title,
    variantTitle,
    name: input.name ?? (variantTitle ? `${title} - ${variantTitle}` : title),
    sku: input.sku === undefined ? base.sku : input.sku,
    vendor: input.vendor === undefined ? base.vendor : input.vendor,
    quantity: input.quantity,
    price,
    taxable: input.taxable ?? (giftCard ? false : base.taxable),
    requiresShipping: input.requires_shipping ?? (giftCard ? false : base.requiresShipping),
    giftCard,
    grams: Number(input.grams ?? base.grams),
    properties: input.properties ?? [],
    fulfillmentService: input.fulfillment_service ?? 'manual',
    inventoryManagement: base.inventoryManagement,
    taxLines: [],
    discountAllocations: [],
    duties: [],
    addedByEdit: false,
  };
}

interface LineBase {
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  productId: number | null;
  inventoryItemId: number | null;
  shopPrice: number;
  taxable: boolean;
  requiresShipping: boolean;
  giftCard: boolean;
  grams: number;
  inventoryManagement: 'shopify' | null;
}

function fromVariant(state: ShopState, variantId: number): LineBase {
  const { product, variant } = getVariant(state, variantId);
  return {
    title: product.title,
    variantTitle: variant.title === 'Default Title' ? null : variant.title,
    sku: variant.sku,
    vendor: product.vendor,
    productId: product.id,
    inventoryItemId: variant.inventoryItemId,
    shopPrice: variant.price,
    taxable: variant.taxable,
    requiresShipping: variant.requiresShipping,
    giftCard: product.giftCard,
    grams: variant.grams,
    inventoryManagement: variant.inventoryManagement,
  };
}

function fromCustom(input: RestLineItemInput, index: number): LineBase {
  if (!input.title) fail("Line items title can't be blank", ['line_items', String(index), 'title']);
  if (input.price === undefined)
    fail("Line items price can't be blank", ['line_items', String(index), 'price']);
  return {
    title: input.title,
    variantTitle: null,
    sku: input.sku ?? null,
    vendor: null,
    productId: null,
    inventoryItemId: null,
    shopPrice: 0,
    taxable: true,
    requiresShipping: true,
    giftCard: false,
    grams: 0,
    inventoryManagement: null,
  };
}
