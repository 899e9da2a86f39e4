import type { ShopifyClient } from './client.ts';
import type { ShopifyUserErrorDetail } from './create-refund.ts';
import { toGid } from './ids.ts';

export type MarkAsPaidAnswer =
  { ok: true; financialStatus: string | null } | { ok: false; userErrors: ShopifyUserErrorDetail[] };

type Payload = {
  orderMarkAsPaid: {
    order: { id: string; displayFinancialStatus: string | null } | null;
    userErrors: ShopifyUserErrorDetail[];
  };
};

/** seed 002 "Mark as Paid": orderMarkAsPaid, for B2B orders paid outside Shopify checkout. */
export async function markOrderAsPaid(
  client: ShopifyClient,
  shopifyOrderId: string,
): Promise<MarkAsPaidAnswer> {
  const { data } = await client.request<Payload>(
    'OrderMarkAsPaid',
    { input: { id: toGid('Order', shopifyOrderId) } },
    { write: true },
  );
  const { order, userErrors } = data.orderMarkAsPaid;
  if (userErrors.length > 0 || !order) return { ok: false, userErrors };
  return { ok: true, financialStatus: order.displayFinancialStatus };
}
