import { findGlAccountByNo, hasMasterData, loadDemoMasterData } from '../masterdata/index.ts';
import { addShop, getShopConnection, listShops, setShopSetting, type ShopDeps } from '../shops/index.ts';
import { createShopifyClient, type ShopifyClient } from '../shopify/index.ts';
import {
  demoAccounts,
  demoShopSettings,
  type DemoConnection,
  type ShopifyLocation,
  type ShopifyShopInfo,
} from './demo-shop-settings.ts';
import { loadOpeningStock, type OpeningStockResult } from './load-opening-stock.ts';

export interface DemoSetupResult {
  shopCode: string;
  shop: 'created' | 'updated';
  /** False when the store already had master data of its own, which the demo never overwrites. */
  masterDataLoaded: boolean;
  /** Shopify's inventory levels as opening stock, once per shop (load-opening-stock.ts). */
  openingStock: OpeningStockResult;
}

/**
 * Connects a shop on the emulator's demo catalogue the way an integrator would: demo master data
 * (only on a store without any, so a real setup is never overwritten), then asks Shopify for the
 * shop and its locations through our client and stores settings that match (demo-shop-settings.ts),
 * then loads Shopify's inventory levels as the shop's opening stock (load-opening-stock.ts).
 * Re-running on an existing shop moves its endpoint and token and sets demo accounts it has no
 * value for (a shop set up before posting existed gets the posting accounts): settings the
 * operator changed stay.
 * Shared by `npm start` (shop DEMO on the built-in emulator) and `storebridge demo setup`.
 */
export async function setUpDemoShop(
  deps: ShopDeps,
  connection: DemoConnection,
  client: ShopifyClient = demoClient(connection),
): Promise<DemoSetupResult> {
  const masterDataLoaded = !(await hasMasterData(deps.db));
  if (masterDataLoaded) await loadDemoMasterData(deps.db);
  const existing = (await listShops(deps)).some((shop) => shop.code === connection.code);
  if (existing) {
    await setShopSetting(deps, connection.code, [
      `endpoint=${connection.endpoint}`,
      `credentials.accessToken=${connection.accessToken}`,
      ...(await unsetDemoAccounts(deps, connection.code)),
    ]);
    // A shop set up before it had opening stock (or whose first run stopped before it) gets it now.
    const openingStock = await loadOpeningStock(deps, connection.code, client);
    return { shopCode: connection.code, shop: 'updated', masterDataLoaded, openingStock };
  }
  const { shop } = (await client.request<{ shop: ShopifyShopInfo }>('ShopInfo')).data;
  const { locations } = (
    await client.request<{ locations: { nodes: ShopifyLocation[] } }>('Locations', { first: 10 })
  ).data;
  await addShop(deps, demoShopSettings(shop, locations.nodes, connection));
  const openingStock = await loadOpeningStock(deps, connection.code, client);
  return { shopCode: connection.code, shop: 'created', masterDataLoaded, openingStock };
}

/** `accounts.<name>=<no>` for each demo account the shop leaves unset and the master data holds. */
async function unsetDemoAccounts(deps: ShopDeps, code: string): Promise<string[]> {
  const { accounts } = (await getShopConnection(deps, code)).settings;
  const assignments: string[] = [];
  for (const [name, no] of Object.entries(demoAccounts))
    if (accounts[name as keyof typeof accounts] === undefined && (await findGlAccountByNo(deps.db, no)))
      assignments.push(`accounts.${name}=${no}`);
  return assignments;
}

function demoClient(connection: DemoConnection): ShopifyClient {
  return createShopifyClient({
    // Any valid domain: the endpoint replaces it; ShopInfo tells us the shop's real one.
    shopDomain: 'demo.myshopify.com',
    apiVersion: '2025-01',
    endpoint: connection.endpoint,
    accessToken: connection.accessToken,
  });
}
