import { describe, expect, it } from 'vitest';
import { reassembleOrders } from './reassemble-orders.ts';

async function* lines(items: Record<string, unknown>[]) {
  yield* items;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('reassembling orders from bulk JSONL lines', () => {
  it('puts each child under its parent order, by the type in its id', async () => {
    const orders = await collect(
      reassembleOrders(
        lines([
          { id: 'gid://shopify/Order/1', name: '#1001' },
          { id: 'gid://shopify/LineItem/11', sku: 'A', __parentId: 'gid://shopify/Order/1' },
          { id: 'gid://shopify/ShippingLine/12', title: 'Standard', __parentId: 'gid://shopify/Order/1' },
          { id: 'gid://shopify/LineItem/13', sku: 'B', __parentId: 'gid://shopify/Order/1' },
          { id: 'gid://shopify/Order/2', name: '#1002' },
        ]),
      ),
    );
    expect(orders.map((o) => o.id)).toEqual(['gid://shopify/Order/1', 'gid://shopify/Order/2']);
    expect(orders[0]!.lineItems?.nodes).toEqual([
      { id: 'gid://shopify/LineItem/11', sku: 'A' },
      { id: 'gid://shopify/LineItem/13', sku: 'B' },
    ]);
    expect(orders[0]!.shippingLines?.nodes).toHaveLength(1);
    expect(orders[1]!.lineItems).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a child that does not follow its parent', async () => {
    const stray = reassembleOrders(
      lines([
        { id: 'gid://shopify/Order/1' },
        { id: 'gid://shopify/LineItem/11', __parentId: 'gid://shopify/Order/9' },
      ]),
    );
    await expect(collect(stray)).rejects.toThrow(/not its parent gid:\/\/shopify\/Order\/9/);
  });
});
