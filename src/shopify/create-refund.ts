import type { MoneyBag } from '../domain/order.ts';
import type { ShopifyClient } from './client.ts';
import { legacyId, toGid } from './ids.ts';
import { bag } from './map/money.ts';
import type { MoneyBagNode } from './payload.ts';
import { refundLineInputs, type RefundChoice } from './suggest-refund.ts';

/** A user error exactly as Shopify sent it (issue 8: shown to the agent verbatim). */
export interface ShopifyUserErrorDetail {
  field: string[] | null;
  message: string;
  code?: string | null;
}

/** seed 003 `discrepancy_reason`: why the refunded amount differs from the calculation. */
export type DiscrepancyReason = 'restock' | 'damage' | 'customer' | 'other';

/** refundCreate's input, built from the agent's choice and Shopify's calculation (seed 003 step 2). */
export interface RefundToCreate extends RefundChoice {
  /** The presentment currency, in which every amount below is written. */
  currency: string;
  /** Decimal strings in `currency`, one per payment (from suggestedTransactions). */
  transactions: { parentShopifyId: string | null; gateway: string; amount: string }[];
  note: string | null;
  notify: boolean;
  discrepancyReason: DiscrepancyReason | null;
}

export type CreateRefundAnswer =
  | {
      ok: true;
      refund: { shopifyId: string; createdAt: string; note: string | null; totalRefunded: MoneyBag };
    }
  | { ok: false; userErrors: ShopifyUserErrorDetail[] };

type Payload = {
  refundCreate: {
    refund: { id: string; createdAt: string; note: string | null; totalRefundedSet: MoneyBagNode } | null;
    userErrors: ShopifyUserErrorDetail[];
  };
};

/**
 * refundCreate. A write: never retried once Shopify may have run it (a lost answer is found on the
 * order by the caller instead). `idempotencyKey` is sent as `@idempotent` (API 2026-01 and later).
 */
export async function createRefund(
  client: ShopifyClient,
  refund: RefundToCreate,
  options: { idempotencyKey?: string | undefined } = {},
): Promise<CreateRefundAnswer> {
  const orderId = toGid('Order', refund.shopifyOrderId);
  const input = {
    orderId,
    currency: refund.currency,
    note: refund.note,
    notify: refund.notify,
    ...(refund.discrepancyReason ? { discrepancyReason: refund.discrepancyReason.toUpperCase() } : {}),
    ...(refund.shipping === 'full'
      ? { shipping: { fullRefund: true } }
      : refund.shipping
        ? { shipping: { amount: refund.shipping.amount } }
        : {}),
    refundLineItems: refundLineInputs(refund),
    transactions: refund.transactions.map((transaction) => ({
      orderId,
      ...(transaction.parentShopifyId
        ? { parentId: toGid('OrderTransaction', transaction.parentShopifyId) }
        : {}),
      gateway: transaction.gateway,
      kind: 'REFUND',
      amount: transaction.amount,
    })),
  };
  const { data } = await client.request<Payload>(
    'RefundCreate',
    { input },
    { write: true, ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}) },
  );
  const { refund: created, userErrors } = data.refundCreate;
  if (userErrors.length > 0 || !created) return { ok: false, userErrors };
  return {
    ok: true,
    refund: {
      shopifyId: legacyId(created.id),
      createdAt: created.createdAt,
      note: created.note,
      totalRefunded: bag(created.totalRefundedSet, 'refundCreate.refund.totalRefundedSet'),
    },
  };
}
