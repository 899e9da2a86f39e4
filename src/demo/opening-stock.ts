import type { StockAdjustmentLine } from '../books/index.ts';
import { sameShopifyId } from '../rules/sales-document-lines.ts';
import type { ShopSettings } from '../shops/index.ts';
import type { ShopifyInventoryLevel } from '../shopify/index.ts';

export interface OpeningStock {
  /** One line per item x back-office location, by item no. then location (a stable voucher for replays). */
  lines: StockAdjustmentLine[];
  /** Levels left out, counted: at a Shopify location no mapping names; of a SKU no inventory item has. */
  skipped: { unmappedLocation: number; unmappedItem: number };
}

type LocationMapping = ShopSettings['locationMappings'][number];

/** An item of the master data, by SKU: what a level's SKU resolves to. */
export interface StockedItem {
  no: string;
  type: 'inventory' | 'service';
}

/**
 * Pure: Shopify's inventory levels as opening stock. The quantity is Shopify's on hand (what is
 * physically at the location, committed units included): storebridge's own released sales orders
 * reserve the committed part, so on hand - released comes out as Shopify's available (seed 004
 * 4.6). Shopify locations map through the shop's locationMappings, SKUs to inventory items;
 * levels of two Shopify locations mapped to one back-office location add up; zero levels move nothing.
 */
export function openingStock(
  levels: readonly ShopifyInventoryLevel[],
  locationMappings: readonly LocationMapping[],
  itemsBySku: ReadonlyMap<string, StockedItem>,
): OpeningStock {
  const skipped = { unmappedLocation: 0, unmappedItem: 0 };
  const quantities = new Map<string, StockAdjustmentLine>();
  for (const level of levels) {
    const mapping = locationMappings.find((m) => sameShopifyId(m.shopifyLocationId, level.shopifyLocationId));
    if (!mapping) {
      skipped.unmappedLocation += 1;
      continue;
    }
    const item = level.sku === null ? undefined : itemsBySku.get(level.sku);
    if (!item || item.type !== 'inventory') {
      skipped.unmappedItem += 1;
      continue;
    }
    const key = JSON.stringify([item.no, mapping.locationCode]);
    const line = quantities.get(key) ?? { itemNo: item.no, locationCode: mapping.locationCode, quantity: 0 };
    line.quantity += level.onHand;
    quantities.set(key, line);
  }
  const lines = [...quantities.values()]
    .filter((line) => line.quantity !== 0)
    .sort((a, b) => a.itemNo.localeCompare(b.itemNo) || a.locationCode.localeCompare(b.locationCode));
  return { lines, skipped };
}
