import { ShopifyBulkOperationError } from '../errors.ts';
import { gidType } from '../ids.ts';
import type { OrderNode } from '../payload.ts';

/** Which connection of the order a child line belongs to, by the type in its GID. */
const connectionOf: Record<string, string> = {
  LineItem: 'lineItems',
  ShippingLine: 'shippingLines',
  FulfillmentOrder: 'fulfillmentOrders',
  Return: 'returns',
};

/**
 * Rebuilds whole order nodes from bulk JSONL lines (shopify.dev bulk guide: a nested
 * connection's nodes are their own lines carrying `__parentId`, written after their parent).
 * An order is complete when the next order's line arrives, so only one order is held at a
 * time. The rebuilt node has the page query's shape: `{ nodes, pageInfo }` per connection.
 */
export async function* reassembleOrders(
  lines: AsyncIterable<Record<string, unknown>>,
): AsyncGenerator<OrderNode> {
  let current: Record<string, unknown> | null = null;
  for await (const line of lines) {
    const parentId = line.__parentId;
    if (typeof parentId !== 'string') {
      if (current) yield finish(current);
      current = { ...line };
      for (const key of Object.values(connectionOf)) current[key] = emptyConnection();
      continue;
    }
    if (!current || current.id !== parentId) {
      const message = `Bulk line ${String(line.id)} follows ${String(current?.id)}, not its parent ${parentId}`;
      throw new ShopifyBulkOperationError(message, false);
    }
    const key = connectionOf[gidType(String(line.id)) ?? ''];
    if (!key) {
      const message = `Bulk line ${String(line.id)} belongs to no known connection of the order`;
      throw new ShopifyBulkOperationError(message, false);
    }
    const { __parentId: _parent, ...node } = line;
    (current[key] as { nodes: unknown[] }).nodes.push(node);
  }
  if (current) yield finish(current);
}

function emptyConnection() {
  return { nodes: [] as unknown[], pageInfo: { hasNextPage: false, endCursor: null } };
}

function finish(order: Record<string, unknown>): OrderNode {
  return order as unknown as OrderNode;
}
