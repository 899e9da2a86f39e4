import type { Actor } from '../../access/index.ts';
import type { Order } from '../../domain/order.ts';
import { formatMoney } from '../../money/index.ts';
import { markOrderAsPaid } from '../../shopify/index.ts';
import { resolveOrderId } from '../../sync/index.ts';
import { OrderNotPendingPaymentError } from './errors.ts';
import { loadShopifyOrder } from './load-order.ts';
import { openShop, type OutboundDeps } from './outbound-deps.ts';
import { authorizeAudited, sendOnce, type OutboundOutcome } from './send-once.ts';
import { syncOrderAfter, type AfterSync } from './sync-after.ts';

export interface AgentMarkAsPaid {
  shopifyOrderId: string;
  financialStatus: string | null;
}

/** Nothing left to pay: what a lost orderMarkAsPaid leaves behind (and why another is refused). */
function outstanding(order: Order): number {
  return order.totals.totalOutstanding.presentment.minor;
}

/**
 * seed 002 "Mark as Paid" (a B2B order paid outside Shopify checkout): orderMarkAsPaid, exactly
 * once per idempotency key (Default key: derived from the order), refused before sending when the
 * order is not waiting for payment or is cancelled.
 */
export async function markAgentOrderAsPaid(
  deps: OutboundDeps,
  actor: Actor,
  shopCode: string,
  order: string,
  request: { idempotencyKey?: string | undefined } = {},
): Promise<OutboundOutcome<AgentMarkAsPaid> & { sync?: AfterSync }> {
  await authorizeAudited(deps, { actor, action: 'order.mark_as_paid', shopCode, order, request: request });
  const shopifyOrderId = await resolveOrderId(deps.sync.db, shopCode, order);
  const outcome = await sendOnce<AgentMarkAsPaid>(
    deps,
    {
      actor,
      action: 'order.mark_as_paid',
      kind: 'mark_as_paid',
      shopCode,
      shopifyOrderId,
      request: {},
      idempotencyKey: request.idempotencyKey,
    },
    {
      async findLost() {
        const current = await loadShopifyOrder(await openShop(deps, shopCode), shopifyOrderId);
        return outstanding(current) > 0
          ? null
          : { shopifyId: null, result: { shopifyOrderId, financialStatus: current.financialStatus } };
      },
      async prepare() {
        const shop = await openShop(deps, shopCode);
        const current = await loadShopifyOrder(shop, shopifyOrderId);
        if (current.cancelledAt !== null)
          throw new OrderNotPendingPaymentError(
            `Order ${current.name} is cancelled: it cannot be marked as paid`,
          );
        if (outstanding(current) <= 0)
          throw new OrderNotPendingPaymentError(
            `Order ${current.name} is not waiting for payment (financial status ${current.financialStatus ?? 'unknown'}, outstanding ${formatMoney(current.totals.totalOutstanding.presentment)} ${current.presentmentCurrency})`,
          );
        return {
          plan: { outstanding: formatMoney(current.totals.totalOutstanding.presentment) },
          async send() {
            const answer = await markOrderAsPaid(shop.client, shopifyOrderId);
            return answer.ok
              ? {
                  ok: true,
                  shopifyId: null,
                  result: { shopifyOrderId, financialStatus: answer.financialStatus },
                }
              : answer;
          },
        };
      },
    },
  );
  if (!outcome.ok) return outcome;
  return { ...outcome, sync: await syncOrderAfter(deps, shopCode, shopifyOrderId) };
}
