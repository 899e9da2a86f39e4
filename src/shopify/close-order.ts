import type { ShopifyClient } from './client.ts';
import type { ShopifyUserErrorDetail } from './create-refund.ts';
import { toGid } from './ids.ts';

export type CloseOrderAnswer =
  { ok: true; closedAt: string | null } | { ok: false; userErrors: ShopifyUserErrorDetail[] };

type Payload = {
  orderClose: {
    order: { id: string; closedAt: string | null } | null;
    userErrors: ShopifyUserErrorDetail[];
  };
};

/** seed 002 "Archive orders": orderClose, which archives the order in Shopify (closedAt set). */
export async function closeOrder(client: ShopifyClient, shopifyOrderId: string): Promise<CloseOrderAnswer> {
  const { data } = await client.request<Payload>(
    'OrderClose',
    { input: { id: toGid('Order', shopifyOrderId) } },
    { write: true },
  );
  const { order, userErrors } = data.orderClose;
  if (userErrors.length > 0 || !order) return { ok: false, userErrors };
  return { ok: true, closedAt: order.closedAt };
}
