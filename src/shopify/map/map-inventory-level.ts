import { legacyId } from '../ids.ts';

/** One item's stock at one Shopify location, as Shopify reports it. */
export interface ShopifyInventoryLevel {
  /** Shopify's location id, numeric ("71234567"). */
  shopifyLocationId: string;
  /** The inventory item's SKU; null when the variant has none. */
  sku: string | null;
  /** Shopify's "available" quantity: what can still be sold. */
  available: number;
  /** Shopify's "on_hand" quantity: what is physically at the location (available + committed + ...). */
  onHand: number;
}

/** An `InventoryLevel` node of graphql/InventoryLevels.graphql. */
export interface InventoryLevelNode {
  quantities: { name: string; quantity: number }[];
  item: { sku: string | null } | null;
}

/** Pure: a level of the given location; a quantity name Shopify leaves out counts as 0. */
export function mapInventoryLevel(locationId: string, node: InventoryLevelNode): ShopifyInventoryLevel {
  const quantity = (name: string) => node.quantities.find((q) => q.name === name)?.quantity ?? 0;
  const sku = node.item?.sku?.trim();
  return {
    shopifyLocationId: legacyId(locationId),
    sku: sku ? sku : null,
    available: quantity('available'),
    onHand: quantity('on_hand'),
  };
}
