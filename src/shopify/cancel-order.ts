import type { ShopifyClient } from './client.ts';
import type { ShopifyUserErrorDetail } from './create-refund.ts';
import { toGid } from './ids.ts';

/** Shopify's OrderCancelReason, lower-cased (seed 002 "Shopify Cancel Order" page). */
export type CancelReason = 'customer' | 'fraud' | 'inventory' | 'declined' | 'staff' | 'other';

export interface OrderToCancel {
  shopifyOrderId: string;
  reason: CancelReason;
  /** Refund what the customer paid (seed 001: by default every item is refunded). */
  refund: boolean;
  restock: boolean;
  notifyCustomer: boolean;
  /** Staff only, at most 255 characters (schema: orderCancel.staffNote). */
  staffNote: string | null;
}

export type CancelOrderAnswer =
  { ok: true; jobShopifyId: string | null } | { ok: false; userErrors: ShopifyUserErrorDetail[] };

type Payload = {
  orderCancel: { job: { id: string; done: boolean } | null; orderCancelUserErrors: ShopifyUserErrorDetail[] };
};

/**
 * orderCancel. Shopify cancels asynchronously (it answers a Job); the order's cancellation is
 * read back by the normal order sync. A write: never retried once Shopify may have run it.
 */
export async function cancelOrder(client: ShopifyClient, order: OrderToCancel): Promise<CancelOrderAnswer> {
  const { data } = await client.request<Payload>(
    'OrderCancel',
    {
      orderId: toGid('Order', order.shopifyOrderId),
      reason: order.reason.toUpperCase(),
      refund: order.refund,
      restock: order.restock,
      notifyCustomer: order.notifyCustomer,
      staffNote: order.staffNote,
    },
    { write: true },
  );
  const { job, orderCancelUserErrors } = data.orderCancel;
  if (orderCancelUserErrors.length > 0) return { ok: false, userErrors: orderCancelUserErrors };
  return { ok: true, jobShopifyId: job?.id ?? null };
}
