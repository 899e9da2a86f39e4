import type { Harness } from './harness.ts';

export const ORDER_CREATE = `mutation Create($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
  orderCreate(order: $order, options: $options) { order { id name } userErrors { field message code } } }`;

/** The demo catalogue's variant gid for a SKU. */
export function variantGid(h: Harness, sku: string): string {
  const product = h.emulator.state.data.products.find((p) => p.variants[0]?.sku === sku);
  if (!product) throw new Error(`no product with SKU ${sku}`);
  return `gid://shopify/ProductVariant/${product.variants[0]!.id}`;
}

/** 2 x SB-TEE at 25.00, 1 x SB-MUG at 12.50, 5.00 shipping, paid 67.50 by a manual sale. */
export function anOrder(h: Harness, overrides: Record<string, unknown> = {}) {
  return {
    currency: 'USD',
    email: 'ada@example.com',
    tags: ['e2e'],
    lineItems: [
      { variantId: variantGid(h, 'SB-TEE'), quantity: 2 },
      { variantId: variantGid(h, 'SB-MUG'), quantity: 1 },
    ],
    shippingLines: [{ title: 'Standard', priceSet: { shopMoney: { amount: '5.00', currencyCode: 'USD' } } }],
    transactions: [
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: 'manual',
        amountSet: { shopMoney: { amount: '67.50', currencyCode: 'USD' } },
      },
    ],
    ...overrides,
  };
}

export async function createOrder(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await h.gql<{ orderCreate: { order: { id: string } | null; userErrors: unknown[] } }>(
    ORDER_CREATE,
    {
      order: anOrder(h, overrides),
      options: { inventoryBehaviour: 'DECREMENT_OBEYING_POLICY' },
    },
  );
  if (!created.data.orderCreate.order) throw new Error(JSON.stringify(created.data.orderCreate.userErrors));
  return created.data.orderCreate.order.id;
}
