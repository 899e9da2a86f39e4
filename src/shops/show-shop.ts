import { decodeShop, loadShopRecord, type ShopDeps } from './shop-codec.ts';
import { shopView, type ShopView } from './shop-view.ts';

/** A shop's settings with every default applied and each secret shown only as "(set)" or "(not set)". */
export async function showShop(deps: ShopDeps, code: string): Promise<ShopView> {
  const record = await loadShopRecord(deps.db, code);
  return shopView(decodeShop(record, deps.secretKey));
}
