import { createLocation, createOrder, createProduct, type ShopState } from '../../src/domain/index.ts';

/**
 * Many plain orders, fast, through the domain commands: one location, five products and `count`
 * orders alternating one and two lines (the bulk tests and bench/emulator-bulk.ts).
 */
export function seedOrders(state: ShopState, count: number): void {
  const location = createLocation(state, { name: 'Warehouse', country_code: 'US' });
  const variants = ['SB-TEE', 'SB-MUG', 'SB-CAP', 'SB-BAG', 'SB-SOCK'].map(
    (sku, index) =>
      createProduct(state, {
        title: sku,
        variants: [
          { sku, price: `${10 + index}.00`, inventory: [{ locationId: location.id, available: 0 }] },
        ],
      }).variants[0]!.id,
  );
  for (let i = 0; i < count; i++) {
    const lines = i % 2 === 0 ? [variants[i % 5]!] : [variants[i % 5]!, variants[(i + 1) % 5]!];
    createOrder(state, {
      line_items: lines.map((variant_id, line) => ({ variant_id, quantity: 1 + line })),
      financial_status: 'paid',
      inventory_behaviour: 'bypass',
      email: `buyer${i % 100}@example.com`,
    });
  }
}
