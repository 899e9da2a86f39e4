import { NotFound } from '../errors.ts';
import { parseDecimalToMinor } from '../money/decimal.ts';
import type { Product, Variant } from '../model/shop.ts';
import type { ShopState } from '../state.ts';
import { setInventoryAvailable } from './inventory.ts';

export interface VariantInput {
  id?: number;
  inventoryItemId?: number;
  title?: string;
  sku?: string | null;
  /** Decimal string in shop currency. */
  price: string | number;
  inventoryManagement?: 'shopify' | null;
  inventoryPolicy?: 'deny' | 'continue';
  requiresShipping?: boolean;
  taxable?: boolean;
  grams?: number;
  cost?: string | number | null;
  /** Initial available quantity per location. */
  inventory?: { locationId: number; available: number }[];
}

export interface ProductInput {
  id?: number;
  title: string;
  /** Default: the title, lower-cased and dashed. */
  handle?: string;
  tags?: string[];
  status?: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  vendor?: string | null;
  productType?: string;
  giftCard?: boolean;
  variants: VariantInput[];
}

/** Creates a product with its variants, their inventory items and initial inventory levels. */
export function createProduct(state: ShopState, input: ProductInput): Product {
  const now = state.now();
  const product: Product = {
    id: input.id === undefined ? state.nextId() : state.claimId(input.id),
    title: input.title,
    handle: input.handle ?? handleOf(input.title),
    tags: input.tags ?? [],
    status: input.status ?? 'ACTIVE',
    vendor: input.vendor ?? null,
    productType: input.productType ?? '',
    giftCard: input.giftCard ?? false,
    variants: [],
    createdAt: now,
    updatedAt: now,
  };
  state.data.products.push(product);
  for (const variantInput of input.variants)
    product.variants.push(createVariant(state, product, variantInput));
  return product;
}

function createVariant(state: ShopState, product: Product, input: VariantInput): Variant {
  const currency = state.data.shop.currencyCode;
  const inventoryItemId =
    input.inventoryItemId === undefined ? state.nextId() : state.claimId(input.inventoryItemId);
  const variant: Variant = {
    id: input.id === undefined ? state.nextId() : state.claimId(input.id),
    productId: product.id,
    title: input.title ?? 'Default Title',
    sku: input.sku ?? null,
    price: parseDecimalToMinor(input.price, currency),
    inventoryItemId,
    inventoryManagement: input.inventoryManagement === undefined ? 'shopify' : input.inventoryManagement,
    inventoryPolicy: input.inventoryPolicy ?? 'deny',
    requiresShipping: input.requiresShipping ?? !product.giftCard,
    taxable: input.taxable ?? !product.giftCard,
    grams: input.grams ?? 0,
  };
  state.data.inventoryItems.push({
    id: inventoryItemId,
    sku: variant.sku,
    tracked: variant.inventoryManagement === 'shopify',
    requiresShipping: variant.requiresShipping,
    cost: input.cost === undefined || input.cost === null ? null : parseDecimalToMinor(input.cost, currency),
    countryCodeOfOrigin: null,
    provinceCodeOfOrigin: null,
    harmonizedSystemCode: null,
    createdAt: state.now(),
    updatedAt: state.now(),
  });
  for (const stock of input.inventory ?? []) {
    setInventoryAvailable(state, {
      inventoryItemId,
      locationId: stock.locationId,
      available: stock.available,
    });
  }
  return variant;
}

export function findVariant(
  state: ShopState,
  variantId: number,
): { product: Product; variant: Variant } | undefined {
  for (const product of state.data.products) {
    const variant = product.variants.find((candidate) => candidate.id === variantId);
    if (variant) return { product, variant };
  }
  return undefined;
}

export function getVariant(state: ShopState, variantId: number): { product: Product; variant: Variant } {
  const found = findVariant(state, variantId);
  if (!found) throw new NotFound('ProductVariant', variantId);
  return found;
}

function handleOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
