import { adjustStock, hasStockAdjustment } from '../books/index.ts';
import { findItemBySku } from '../masterdata/index.ts';
import { getShopConnection, setShopSetting, type ShopDeps } from '../shops/index.ts';
import { fetchInventoryLevels, type ShopifyClient } from '../shopify/index.ts';
import { openingStock, type OpeningStock, type StockedItem } from './opening-stock.ts';

export interface OpeningStockResult {
  /** The inventory adjustment voucher; null when Shopify had nothing to bring over. */
  voucherNo: string | null;
  /** False when this shop's opening stock was loaded by an earlier run (nothing was asked of Shopify). */
  loaded: boolean;
  lines: number;
  skipped: OpeningStock['skipped'];
}

/** The opening stock voucher of a shop: one per shop, so a replay finds it. */
export function openingStockVoucherNo(shopCode: string): string {
  return `OPENING-${shopCode}`;
}

/**
 * A demo shop's opening stock: Shopify's inventory levels (fetched before any transaction) become
 * one inventory adjustment voucher, `OPENING-<shop>`, posted through books' adjustStock. Loaded
 * once per shop: a later run finds the voucher and asks Shopify nothing (its levels will have
 * moved with the orders since); a replay of the same lines is a no-op in adjustStock too. The
 * shop's `stockCountedAt` records when the levels were read: goods Shopify shipped before then are
 * out of them, so the invoices of those orders do not move stock again (rules/sale-stock.ts).
 */
export async function loadOpeningStock(
  deps: ShopDeps,
  shopCode: string,
  client: ShopifyClient,
): Promise<OpeningStockResult> {
  const voucherNo = openingStockVoucherNo(shopCode);
  const none = { unmappedLocation: 0, unmappedItem: 0 };
  if (await hasStockAdjustment(deps.db, voucherNo))
    return { voucherNo, loaded: false, lines: 0, skipped: none };
  const { settings } = await getShopConnection(deps, shopCode);
  // Shipments Shopify made before this moment are already out of the levels read next.
  const countedAt = new Date().toISOString();
  const levels = await fetchInventoryLevels(client);
  const itemsBySku = new Map<string, StockedItem>();
  for (const sku of new Set(levels.flatMap((level) => (level.sku === null ? [] : [level.sku])))) {
    const item = await findItemBySku(deps.db, sku);
    if (item) itemsBySku.set(sku, { no: item.no, type: item.type });
  }
  const stock = openingStock(levels, settings.locationMappings, itemsBySku);
  if (stock.lines.length === 0) return { voucherNo: null, loaded: false, lines: 0, skipped: stock.skipped };
  // Set before the voucher: a run that fails in between counts again, with a new time.
  await setShopSetting(deps, shopCode, [`stockCountedAt=${countedAt}`]);
  const posted = await deps.db
    .transaction()
    .execute((trx) => adjustStock(trx, { voucherNo, lines: stock.lines }));
  return { voucherNo, loaded: posted.created, lines: stock.lines.length, skipped: stock.skipped };
}
