import type { ShopDeps } from './shop-codec.ts';
import { listShopRecords } from './shop-repository.ts';

export interface ShopSummary {
  code: string;
  name: string;
  shopifyDomain: string;
  /** The currency the shop's orders are in: shopCurrency, or localCurrency when that is unset. */
  currency: string;
  updatedAt: Date;
  /** Sync by itself (webhooks and the periodic sync, seed 002 "Auto Sync Orders"). */
  autoSyncOrders: boolean;
  /** Minutes between periodic syncs (seed 004 3.2 "Sync Frequency"). */
  syncFrequencyMinutes: number;
}

/** Every shop, by code. Reads no secrets, so it works even when the key is not the one they were sealed with. */
export async function listShops(deps: Pick<ShopDeps, 'db'>): Promise<ShopSummary[]> {
  const records = await listShopRecords(deps.db);
  return records.map((record) => ({
    code: record.code,
    name: record.name,
    shopifyDomain: record.shopifyDomain,
    currency: String(record.settings.shopCurrency ?? record.settings.localCurrency ?? ''),
    updatedAt: record.updatedAt,
    autoSyncOrders: record.settings.autoSyncOrders === true,
    syncFrequencyMinutes: Number(record.settings.syncFrequencyMinutes ?? 15),
  }));
}
