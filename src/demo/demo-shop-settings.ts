/** Back-office locations of the demo master data, in the order Shopify lists the demo shop's locations. */
const demoLocationCodes = ['MAIN', 'EAST'];

export interface ShopifyShopInfo {
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
}

export interface ShopifyLocation {
  id: string;
  name: string;
  isActive: boolean;
}

export interface DemoConnection {
  code: string;
  endpoint: string;
  accessToken: string;
}

/**
 * The demo chart of accounts (src/masterdata/demo/gl-accounts.json) in the shop's account
 * settings: the seeds' refund and charge accounts, and what posting needs (receivable 1200,
 * sales 4000, sales tax 2100, Shopify Payments clearing 1020), so demo orders and refunds post.
 */
export const demoAccounts = {
  receivable: '1200',
  sales: '4000',
  taxPayable: '2100',
  paymentClearing: '1020',
  shippingCharges: '4100',
  tip: '2300',
  soldGiftCard: '2200',
  refund: '4500',
  refundNonRestockItems: '4510',
  refundPayFrom: '1020',
  cashRounding: '6900',
};

/**
 * Settings for a shop on the emulator's demo catalogue (emulator/README.md "--seed demo") over
 * the demo master data (src/masterdata/README.md): every account the seeds name, the demo
 * locations mapped in Shopify's order, the catalogue's "Standard" shipping to the shipping
 * charges account, and customers found by email or phone, else created from the WEB template,
 * so a demo order never stops on a missing customer (seed 002, "By EMail/Phone").
 * Pure: the caller asks Shopify for the shop and its locations.
 */
export function demoShopSettings(
  shop: ShopifyShopInfo,
  locations: readonly ShopifyLocation[],
  connection: DemoConnection,
) {
  return {
    code: connection.code,
    name: `${shop.name} (demo)`,
    shopifyDomain: shop.myshopifyDomain,
    endpoint: connection.endpoint,
    credentials: { accessToken: connection.accessToken },
    localCurrency: shop.currencyCode,
    timeZone: shop.ianaTimezone,
    autoSyncOrders: true,
    autoCreateDocuments: true,
    autoReleaseSalesOrders: true,
    returnsAndRefundsMode: 'auto_create_credit_memo',
    createCustomerRefunds: true,
    defaultReturnLocation: 'MAIN',
    returnLocationPriority: 'original_then_default',
    customerMappingType: 'by_email_phone',
    autoCreateUnknownCustomers: true,
    customerTemplateCode: 'WEB',
    companyTemplateCode: 'B2B',
    accounts: demoAccounts,
    shipmentMethodMappings: [{ shopifyTitle: 'Standard', shipmentMethodCode: 'STD' }],
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
