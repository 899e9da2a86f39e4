import type { Actor } from '../../access/index.ts';
import { formatMoney, parseMoney } from '../../money/index.ts';
import { ValidationError } from '../../shared/errors.ts';
import {
  cancelOrder,
  createRefund,
  suggestRefund,
  type CancelReason,
  type RefundToCreate,
  type ShopifyUserErrorDetail,
} from '../../shopify/index.ts';
import { resolveOrderId } from '../../sync/index.ts';
import { cancelRefusals } from './cancel-refusals.ts';
import { OrderNotCancellableError } from './errors.ts';
import { loadShopifyOrder } from './load-order.ts';
import { openShop, type OutboundDeps } from './outbound-deps.ts';
import { planRefund, refundTransactions } from './refund-plan.ts';
import { authorizeAudited, sendOnce, type OutboundOutcome } from './send-once.ts';
import { syncOrderAfter, type AfterSync } from './sync-after.ts';

export const cancelReasons = ['customer', 'fraud', 'inventory', 'declined', 'staff', 'other'] as const;

/** seed 001 "Canceling an order", seed 002 "Shopify Cancel Order". */
export interface CancelRequest {
  /** Default: customer. */
  reason?: CancelReason | undefined;
  /** Put the units back in stock (Default: false). */
  restock?: boolean | undefined;
  notify?: boolean | undefined;
  staffNote?: string | undefined;
  /**
   * seed 001 "Refund Payments": a partial amount (decimal string, the order's presentment
   * currency) instead of everything paid. Default: everything is refunded.
   */
  refundAmount?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface AgentCancellation {
  shopifyOrderId: string;
  jobShopifyId: string | null;
  /** The partial refund made after the cancellation, when one was asked for. */
  refund: { shopifyRefundId: string; currency: string; total: string } | null;
  /** Shopify's refusal of that partial refund, verbatim (the cancellation itself stands). */
  refundUserErrors: ShopifyUserErrorDetail[];
}

/**
 * Cancels the order in Shopify (orderCancel), exactly once per idempotency key. Refused before
 * anything is sent when Shopify would refuse (already cancelled, fulfilled items, open return).
 * orderCancel refunds all or nothing (`refund`, in both schemas we hold; unstable's refundMethod
 * only chooses where the money goes), so a partial amount is a cancellation without refund
 * followed by a refundCreate of that amount on the order's payments (Shopify's own split).
 */
export async function cancelAgentOrder(
  deps: OutboundDeps,
  actor: Actor,
  shopCode: string,
  order: string,
  request: CancelRequest,
): Promise<OutboundOutcome<AgentCancellation> & { sync?: AfterSync }> {
  await authorizeAudited(deps, { actor, action: 'order.cancel', shopCode, order, request: request });
  const shopifyOrderId = await resolveOrderId(deps.sync.db, shopCode, order);
  const { idempotencyKey, ...rest } = request;
  const reason = rest.reason ?? 'customer';
  if (!cancelReasons.includes(reason))
    throw new ValidationError(`reason: "${reason}" is not one of ${cancelReasons.join(', ')}`, [
      { path: 'reason', message: `"${reason}" is not one of ${cancelReasons.join(', ')}` },
    ]);
  const normalised = {
    reason,
    restock: rest.restock ?? false,
    notify: rest.notify ?? false,
    staffNote: rest.staffNote?.trim() || null,
    refundAmount: rest.refundAmount ?? null,
  };
  const outcome = await sendOnce<AgentCancellation>(
    deps,
    {
      actor,
      action: 'order.cancel',
      kind: 'cancel',
      shopCode,
      shopifyOrderId,
      request: normalised,
      idempotencyKey,
    },
    {
      async findLost() {
        const current = await loadShopifyOrder(await openShop(deps, shopCode), shopifyOrderId);
        return current.cancelledAt === null
          ? null
          : {
              shopifyId: null,
              result: { shopifyOrderId, jobShopifyId: null, refund: null, refundUserErrors: [] },
            };
      },
      async prepare() {
        const shop = await openShop(deps, shopCode);
        const current = await loadShopifyOrder(shop, shopifyOrderId);
        const reasons = cancelRefusals(current, normalised.staffNote);
        if (reasons.length > 0)
          throw new OrderNotCancellableError(
            `Order ${current.name} cannot be cancelled: ${reasons.join('; ')}`,
            reasons,
          );
        const partial =
          normalised.refundAmount === null ? null : await partialRefund(shop, current, normalised);
        return {
          plan: { partial },
          async send() {
            const cancelled = await cancelOrder(shop.client, {
              shopifyOrderId,
              reason,
              refund: partial === null,
              restock: normalised.restock,
              notifyCustomer: normalised.notify,
              staffNote: normalised.staffNote,
            });
            if (!cancelled.ok) return cancelled;
            const result: AgentCancellation = {
              shopifyOrderId,
              jobShopifyId: cancelled.jobShopifyId,
              refund: null,
              refundUserErrors: [],
            };
            if (partial && partial.transactions.length > 0) {
              const refunded = await createRefund(shop.client, partial);
              if (refunded.ok)
                result.refund = {
                  shopifyRefundId: refunded.refund.shopifyId,
                  currency: refunded.refund.totalRefunded.presentment.currency,
                  total: formatMoney(refunded.refund.totalRefunded.presentment),
                };
              else result.refundUserErrors = refunded.userErrors;
            }
            return { ok: true, shopifyId: result.refund?.shopifyRefundId ?? null, result };
          },
        };
      },
    },
  );
  if (!outcome.ok) return outcome;
  return { ...outcome, sync: await syncOrderAfter(deps, shopCode, shopifyOrderId) };

  /** The partial amount split over the payments Shopify would refund in full, checked against its maximum. */
  async function partialRefund(
    shop: Awaited<ReturnType<typeof openShop>>,
    current: Awaited<ReturnType<typeof loadShopifyOrder>>,
    wanted: typeof normalised,
  ): Promise<RefundToCreate> {
    const currency = current.presentmentCurrency;
    const amount = parseMoney(wanted.refundAmount!, currency, 'refundAmount');
    const choice = { shopifyOrderId, lines: [], shipping: 'full' as const };
    const suggested = await suggestRefund(shop.client, {
      ...choice,
      lines: current.lines
        .filter((line) => line.refundableQuantity > 0)
        .map((line) => ({
          lineShopifyId: line.shopifyId,
          quantity: line.refundableQuantity,
          restock: 'no_restock' as const,
        })),
    });
    if (amount.minor <= 0 || amount.minor > suggested.maximumRefundable.presentment.minor)
      throw new ValidationError(
        `refundAmount: ${wanted.refundAmount} ${currency} is not between 0 and the ${formatMoney(suggested.maximumRefundable.presentment)} ${currency} paid`,
        [
          {
            path: 'refundAmount',
            message: `must be more than 0 and at most ${formatMoney(suggested.maximumRefundable.presentment)}`,
          },
        ],
      );
    const preview = planRefund(
      {
        choice,
        currency,
        shippingAmount: null,
        manualTotal: amount,
        note: null,
        notify: false,
        discrepancyReason: 'other',
      },
      suggested,
    );
    return {
      shopifyOrderId,
      currency,
      lines: [],
      shipping: null,
      transactions: refundTransactions(preview),
      note: wanted.staffNote,
      notify: wanted.notify,
      discrepancyReason: null,
    };
  }
}
