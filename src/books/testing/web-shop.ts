import { demoAccounts } from '../../demo/index.ts';
import { loadDemoMasterData } from '../../masterdata/index.ts';
import { addShop, type ShopDeps } from '../../shops/index.ts';

/**
 * The demo master data and shop WEB (web.myshopify.com, the demo chart of accounts, no location
 * mappings), where the back-office invoice tests start; `settings` add to or replace the shop's
 * (Default: none).
 */
export async function addWebShop(deps: ShopDeps, settings: Record<string, unknown> = {}): Promise<void> {
  await loadDemoMasterData(deps.db);
  await addShop(deps, {
    code: 'WEB',
    shopifyDomain: 'web.myshopify.com',
    credentials: { accessToken: 'shpat_t' },
    accounts: demoAccounts,
    ...settings,
  });
}
