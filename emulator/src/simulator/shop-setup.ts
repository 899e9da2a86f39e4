import {
  createCompany,
  createCustomer,
  createLocation,
  createProduct,
  type Customer,
  type Location,
  type ShopState,
  type Variant,
} from '../domain/index.ts';

/** What the simulator sells, where, and to whom. */
export interface SimulatedShop {
  warehouse: Location;
  store: Location;
  outlet: Location;
  /** SB-TEE, SB-MUG, SB-CAP, SB-BAG, SB-SOCK. */
  goods: Variant[];
  giftCard: Variant;
  customers: Customer[];
  company: { id: number; contactId: number };
}

/** The demo catalogue: SKUs and shop prices (USD). */
export const catalogue = [
  { title: 'Storebridge Tee', sku: 'SB-TEE', price: '25.00' },
  { title: 'Storebridge Mug', sku: 'SB-MUG', price: '12.50' },
  { title: 'Storebridge Cap', sku: 'SB-CAP', price: '19.90' },
  { title: 'Storebridge Tote Bag', sku: 'SB-BAG', price: '15.00' },
  { title: 'Storebridge Socks', sku: 'SB-SOCK', price: '8.00' },
] as const;

const buyers = [
  { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' },
  { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
  { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@example.com' },
  { firstName: 'Edsger', lastName: 'Dijkstra', email: 'edsger@example.com' },
] as const;

const sites = [
  { name: 'Warehouse', address1: '1 Dock Road', city: 'Newark', province_code: 'NJ', zip: '07105' },
  { name: 'Store', address1: '5 Main Street', city: 'New York', province_code: 'NY', zip: '10001' },
  { name: 'Outlet', address1: '9 Mall Drive', city: 'Secaucus', province_code: 'NJ', zip: '07094' },
] as const;

/**
 * Creates (or finds, on a shop that has them) the locations, products with stock, customers and
 * a B2B company the simulator uses, through the domain commands as a merchant would.
 */
export function setUpShop(state: ShopState): SimulatedShop {
  const [warehouse, store, outlet] = sites.map(
    (site) =>
      state.data.locations.find((location) => location.name === site.name) ??
      createLocation(state, { ...site, country_code: 'US' }),
  ) as [Location, Location, Location];
  const goods = catalogue.map((item, index) =>
    ensureVariant(state, item.sku, () =>
      createProduct(state, {
        title: item.title,
        vendor: 'Storebridge',
        productType: 'Merch',
        variants: [
          {
            title: 'Default Title',
            sku: item.sku,
            price: item.price,
            inventoryManagement: 'shopify',
            inventory: [
              { locationId: warehouse.id, available: 100 + index * 10 },
              { locationId: store.id, available: 20 + index * 5 },
              { locationId: outlet.id, available: 10 },
            ],
          },
        ],
      }),
    ),
  );
  const giftCard = ensureVariant(state, 'SB-GIFT', () =>
    createProduct(state, {
      title: 'Storebridge Gift Card',
      vendor: 'Storebridge',
      productType: 'Gift Card',
      giftCard: true,
      variants: [{ title: '$25', sku: 'SB-GIFT', price: '25.00', requiresShipping: false, taxable: false }],
    }),
  );
  const customers = buyers.map(
    (buyer) =>
      state.data.customers.find((customer) => customer.email === buyer.email) ?? createCustomer(state, buyer),
  );
  return { warehouse, store, outlet, goods, giftCard, customers, company: ensureCompany(state, customers) };
}

function ensureVariant(state: ShopState, sku: string, create: () => { variants: Variant[] }): Variant {
  const found = state.data.products.flatMap((product) => product.variants).find((v) => v.sku === sku);
  return found ?? create().variants[0]!;
}

function ensureCompany(state: ShopState, customers: Customer[]) {
  const contact = customers[customers.length - 1]!;
  const company =
    state.data.companies.find((candidate) => candidate.name === 'Analytical Engines Ltd') ??
    createCompany(state, {
      name: 'Analytical Engines Ltd',
      externalId: 'AE-001',
      contactCustomerIds: [contact.id],
      locations: [{ name: 'Head office' }],
    });
  return { id: company.id, contactId: company.contactCustomerIds[0] ?? contact.id };
}
