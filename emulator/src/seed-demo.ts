import {
  createCustomer,
  createLocation,
  createOrder,
  createProduct,
  formatMinor,
  type Product,
  type ShopState,
} from './domain/index.ts';

/** `--seed demo --orders N`: a small shop to click through (Default orders: 10). */
export interface DemoSeed {
  kind: 'demo';
  orders?: number;
}

const catalogue = [
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
] as const;

/**
 * Seeds through the domain commands only (as a merchant would): 2 locations, 5 products with
 * stock at both, 3 customers and N paid orders. Same input, same clock: same shop.
 */
export function seedDemo(state: ShopState, seed: DemoSeed): void {
  const warehouse = createLocation(state, {
    name: 'Warehouse',
    address1: '1 Dock Road',
    city: 'Newark',
    province_code: 'NJ',
    country_code: 'US',
    zip: '07105',
  });
  const store = createLocation(state, {
    name: 'Store',
    address1: '5 Main Street',
    city: 'New York',
    province_code: 'NY',
    country_code: 'US',
    zip: '10001',
  });
  const products = catalogue.map((item, index) =>
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
          ],
        },
      ],
    }),
  );
  const customers = buyers.map((buyer) => createCustomer(state, buyer));
  for (let i = 0; i < (seed.orders ?? 10); i++)
    createDemoOrder(state, products, customers[i % customers.length]!.id, i);
}

function createDemoOrder(
  state: ShopState,
  products: readonly Product[],
  customerId: number,
  i: number,
): void {
  const picks = [{ product: products[i % products.length]!, quantity: (i % 3) + 1 }];
  if (i % 2 === 1) picks.push({ product: products[(i + 2) % products.length]!, quantity: 1 });
  const currency = state.data.shop.currencyCode;
  const total = picks.reduce((sum, pick) => sum + pick.product.variants[0]!.price * pick.quantity, 0);
  createOrder(state, {
    line_items: picks.map((pick) => ({ variant_id: pick.product.variants[0]!.id, quantity: pick.quantity })),
    customer: { id: customerId },
    financial_status: 'paid',
    transactions: [
      { kind: 'sale', status: 'success', amount: formatMinor(total, currency), gateway: 'manual' },
    ],
    inventory_behaviour: 'decrement_obeying_policy',
    tags: i % 4 === 0 ? ['demo', 'wholesale'] : ['demo'],
    source_name: 'web',
  });
}
