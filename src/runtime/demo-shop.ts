import { addShop, listShops, setShopSetting, type ShopDeps } from '../shops/index.ts';
import { createShopifyClient } from '../shopify/index.ts';

export const demoShopCode = 'DEMO';

/** Back-office locations of the demo master data, in the order Shopify lists the demo shop's locations. */
const demoLocationCodes = ['MAIN', 'EAST'];

interface ShopInfoData {
  shop: { name: string; myshopifyDomain: string; currencyCode: string; ianaTimezone: string };
}
interface LocationsData {
  locations: { nodes: { id: string; name: string; isActive: boolean }[] };
}

/**
 * Connects the DEMO shop to a Shopify endpoint (the built-in emulator) the way an integrator
 * would: asks Shopify for the shop and its locations through our client, then stores settings
 * that match the demo master data (accounts, locations). Re-running only moves the endpoint.
 */
export async function configureDemoShop(
  deps: ShopDeps,
  connection: { endpoint: string; accessToken: string },
): Promise<'created' | 'updated'> {
  const existing = (await listShops(deps)).find((shop) => shop.code === demoShopCode);
  if (existing) {
    await setShopSetting(deps, demoShopCode, [`endpoint=${connection.endpoint}`]);
    return 'updated';
  }
  const client = createShopifyClient({
    shopDomain: 'demo.myshopify.com',
    apiVersion: '2025-01',
    ...connection,
  });
  const { shop } = (await client.request<ShopInfoData>('ShopInfo')).data;
  const { locations } = (await client.request<LocationsData>('Locations', { first: 10 })).data;
  await addShop(deps, demoShopSettings(shop, locations.nodes, connection));
  return 'created';
}

function demoShopSettings(
  shop: ShopInfoData['shop'],
  locations: LocationsData['locations']['nodes'],
  connection: { endpoint: string; accessToken: string },
) {
  return {
    code: demoShopCode,
    name: `${shop.name} (local emulator)`,
    shopifyDomain: shop.myshopifyDomain,
    endpoint: connection.endpoint,
    credentials: { accessToken: connection.accessToken },
    localCurrency: shop.currencyCode,
    timeZone: shop.ianaTimezone,
    autoSyncOrders: true,
    autoCreateDocuments: true,
    returnsAndRefundsMode: 'auto_create_credit_memo',
    createCustomerRefunds: true,
    defaultReturnLocation: 'MAIN',
    returnLocationPriority: 'original_then_default',
    accounts: {
      shippingCharges: '4100',
      tip: '2300',
      soldGiftCard: '2200',
      refund: '4500',
      refundNonRestockItems: '4510',
      refundPayFrom: '1020',
      cashRounding: '6900',
    },
    locationMappings: locations
      .filter((location) => location.isActive)
      .slice(0, demoLocationCodes.length)
      .map((location, index) => ({
        shopifyLocationId: location.id,
        locationCode: demoLocationCodes[index]!,
        isDefault: index === 0,
      })),
  };
}
