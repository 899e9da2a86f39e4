import type {
  InventoryItem,
  InventoryLevel,
  Location,
  Product,
  ShopState,
  Variant,
} from '../../domain/index.ts';
import { byId, paginate, type ConnectionArgs } from '../connection.ts';
import { gid, numericId } from '../gid.ts';
import { shopMoney, money } from './money.ts';

/**
 * Location; usually asked for an id under a fulfillment or refund line, so the address and the
 * inventory are methods resolved when selected (methods, not arrows: see lineItemView).
 */
export function locationView(state: ShopState, location: Location) {
  return {
    __typename: 'Location',
    id: gid('Location', location.id),
    legacyResourceId: String(location.id),
    name: location.name,
    isActive: location.active,
    fulfillsOnlineOrders: location.active,
    shipsInventory: location.active,
    address() {
      const a = location.address;
      return {
        address1: a.address1,
        address2: a.address2,
        city: a.city,
        province: a.province,
        provinceCode: a.provinceCode,
        country: a.country,
        countryCode: a.countryCode,
        zip: a.zip,
        phone: a.phone,
        formatted: [
          a.address1,
          a.address2,
          [a.city, a.provinceCode, a.zip].filter(Boolean).join(' '),
          a.country,
        ].filter((line): line is string => Boolean(line)),
      };
    },
    createdAt: location.createdAt,
    updatedAt: location.updatedAt,
    inventoryLevel(args: { inventoryItemId: string }) {
      const itemId = numericId(args.inventoryItemId, 'InventoryItem');
      const level = levelsAt(state, location).find((l) => l.inventoryItemId === itemId);
      return level ? inventoryLevelView(state, level) : null;
    },
    inventoryLevels(args: ConnectionArgs) {
      return paginate(levelsAt(state, location), args, levelPosition, (level) =>
        inventoryLevelView(state, level),
      );
    },
  };
}

function levelsAt(state: ShopState, location: Location): InventoryLevel[] {
  return state.data.inventoryLevels.filter((level) => level.locationId === location.id);
}

function levelPosition(level: InventoryLevel) {
  return { id: level.inventoryItemId * 1e6 + (level.locationId % 1e6), value: level.inventoryItemId };
}

/** Shopify's level gid carries the item: gid://shopify/InventoryLevel/<location>?inventory_item_id=<item>. */
export function inventoryLevelView(state: ShopState, level: InventoryLevel) {
  const key = `${level.locationId}?inventory_item_id=${level.inventoryItemId}`;
  const byName: Record<string, number> = {
    available: level.available,
    committed: level.committed,
    on_hand: level.onHand,
  };
  return {
    __typename: 'InventoryLevel',
    id: gid('InventoryLevel', key),
    item: () => {
      const item = state.data.inventoryItems.find((i) => i.id === level.inventoryItemId);
      return item ? inventoryItemView(state, item) : null;
    },
    location: () => {
      const location = state.data.locations.find((l) => l.id === level.locationId);
      return location ? locationView(state, location) : null;
    },
    // Names Shopify does not track here (incoming, reserved, damaged...) are 0 in the emulator.
    quantities: (args: { names: string[] }) =>
      args.names.map((name) => ({
        id: gid('InventoryQuantity', `${key}&name=${name}`),
        name,
        quantity: byName[name] ?? 0,
        updatedAt: level.updatedAt,
      })),
    createdAt: level.updatedAt,
    updatedAt: level.updatedAt,
  };
}

export function inventoryItemView(state: ShopState, item: InventoryItem) {
  const levels = () => state.data.inventoryLevels.filter((level) => level.inventoryItemId === item.id);
  return {
    __typename: 'InventoryItem',
    id: gid('InventoryItem', item.id),
    legacyResourceId: String(item.id),
    sku: item.sku,
    tracked: item.tracked,
    requiresShipping: item.requiresShipping,
    unitCost: item.cost === null ? null : shopMoney(item.cost, state.data.shop.currencyCode),
    variant: () => {
      for (const product of state.data.products) {
        const variant = product.variants.find((v) => v.inventoryItemId === item.id);
        if (variant) return variantView(state, product, variant);
      }
      return null;
    },
    inventoryLevel: (args: { locationId: string }) => {
      const level = levels().find((l) => l.locationId === numericId(args.locationId, 'Location'));
      return level ? inventoryLevelView(state, level) : null;
    },
    inventoryLevels: (args: ConnectionArgs) =>
      paginate(
        levels(),
        args,
        (l) => ({ id: l.locationId, value: l.locationId }),
        (l) => inventoryLevelView(state, l),
      ),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

function available(state: ShopState, variant: Variant): number {
  return state.data.inventoryLevels
    .filter((level) => level.inventoryItemId === variant.inventoryItemId)
    .reduce((sum, level) => sum + level.available, 0);
}

export function productView(state: ShopState, product: Product) {
  return {
    __typename: 'Product',
    id: gid('Product', product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    handle: product.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    status: 'ACTIVE',
    productType: product.productType,
    vendor: product.vendor ?? '',
    tags: [],
    totalInventory: () => product.variants.reduce((sum, v) => sum + available(state, v), 0),
    tracksInventory: product.variants.some((v) => v.inventoryManagement === 'shopify'),
    hasOnlyDefaultVariant: product.variants.length === 1 && product.variants[0]?.title === 'Default Title',
    variants: (args: ConnectionArgs) =>
      paginate(product.variants, args, byId, (v) => variantView(state, product, v)),
    variantsCount: { count: product.variants.length, precision: 'EXACT' },
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

export function variantView(state: ShopState, product: Product, variant: Variant) {
  const currency = state.data.shop.currencyCode;
  return {
    __typename: 'ProductVariant',
    id: gid('ProductVariant', variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    barcode: null,
    price: money(variant.price, currency),
    compareAtPrice: null,
    taxable: variant.taxable,
    position: product.variants.indexOf(variant) + 1,
    availableForSale: variant.inventoryPolicy === 'continue' || available(state, variant) > 0,
    inventoryQuantity: () => available(state, variant),
    inventoryPolicy: variant.inventoryPolicy.toUpperCase(),
    inventoryItem: () => {
      const item = state.data.inventoryItems.find((i) => i.id === variant.inventoryItemId);
      return item ? inventoryItemView(state, item) : null;
    },
    product: () => productView(state, product),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}
