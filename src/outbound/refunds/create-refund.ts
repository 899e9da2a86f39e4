import type { Actor } from '../../access/index.ts';
import type { Order, Refund } from '../../domain/order.ts';
import { formatMoney, parseMoney } from '../../money/index.ts';
import {
  createRefund,
  suggestRefund,
  supportsIdempotentDirective,
  type RefundToCreate,
} from '../../shopify/index.ts';
import { resolveOrderId } from '../../sync/index.ts';
import { loadShopifyOrder } from './load-order.ts';
import { openShop, type OutboundDeps } from './outbound-deps.ts';
import { claimedShopifyIds, type OutboundRequestRow } from './outbound-requests.ts';
import { resolveRefund, type RefundRequest } from './refund-choice.ts';
import { planRefund, refundToCreate } from './refund-plan.ts';
import { authorizeAudited, sendOnce, type OutboundOutcome } from './send-once.ts';
import { syncOrderAfter, type AfterSync } from './sync-after.ts';

/** The refund Shopify made, as stored for a retry with the same key (JSON: money as decimal strings). */
export interface AgentRefund {
  shopifyOrderId: string;
  shopifyRefundId: string;
  createdAt: string;
  currency: string;
  total: string;
  note: string | null;
}

/** How far a lost answer's refund may predate our pending row (clocks of two systems). */
const clockSlackMs = 5 * 60_000;

/**
 * Step 2 of an agent refund (issue 8 item 2, seed 003 "create"): refundCreate built from Shopify's
 * calculation of the same request, exactly once per idempotency key (sendOnce), then the order's
 * refunds synced through the normal import so the credit memo and customer refund appear at once.
 */
export async function createAgentRefund(
  deps: OutboundDeps,
  actor: Actor,
  shopCode: string,
  order: string,
  request: RefundRequest,
): Promise<OutboundOutcome<AgentRefund> & { sync?: AfterSync }> {
  await authorizeAudited(deps, { actor, action: 'refund.create', shopCode, order, request: request });
  const shopifyOrderId = await resolveOrderId(deps.sync.db, shopCode, order);
  const { idempotencyKey, ...rest } = request;
  const normalised = normaliseRefundRequest(rest);
  const outcome = await sendOnce<AgentRefund>(
    deps,
    {
      actor,
      action: 'refund.create',
      kind: 'refund',
      shopCode,
      shopifyOrderId,
      request: normalised,
      idempotencyKey,
    },
    {
      async findLost(row) {
        const shop = await openShop(deps, shopCode);
        const current = await loadShopifyOrder(shop, shopifyOrderId);
        const claimed = await claimedShopifyIds(deps.sync.db, shopCode, shopifyOrderId);
        const plan = (row.request as { plan: RefundToCreate }).plan;
        const found = current.refunds.find(
          (refund) => !claimed.has(refund.shopifyId) && madeBy(refund, plan, row),
        );
        return found ? { shopifyId: found.shopifyId, result: agentRefund(current, found) } : null;
      },
      async prepare(idempotencyKeyInUse) {
        const shop = await openShop(deps, shopCode);
        const current = await loadShopifyOrder(shop, shopifyOrderId);
        const resolved = resolveRefund(current, rest);
        const preview = planRefund(resolved, await suggestRefund(shop.client, resolved.choice));
        const plan = refundToCreate(resolved, preview);
        const directive = supportsIdempotentDirective(shop.connection.settings.apiVersion);
        return {
          plan,
          async send() {
            const answer = await createRefund(
              shop.client,
              plan,
              directive ? { idempotencyKey: idempotencyKeyInUse } : {},
            );
            if (!answer.ok) return answer;
            const { refund } = answer;
            return {
              ok: true,
              shopifyId: refund.shopifyId,
              result: {
                shopifyOrderId,
                shopifyRefundId: refund.shopifyId,
                createdAt: refund.createdAt,
                currency: refund.totalRefunded.presentment.currency,
                total: formatMoney(refund.totalRefunded.presentment),
                note: refund.note,
              },
            };
          },
        };
      },
    },
  );
  if (!outcome.ok) return outcome;
  return { ...outcome, sync: await syncOrderAfter(deps, shopCode, shopifyOrderId) };
}

/** The request with defaults applied and lines in one order, so identical requests hash alike. */
export function normaliseRefundRequest(request: Omit<RefundRequest, 'idempotencyKey'>) {
  return {
    lines: [...(request.lines ?? [])]
      .map((line) => ({ line: line.line.trim(), quantity: line.quantity }))
      .sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : a.quantity - b.quantity)),
    all: request.all ?? false,
    restock: request.restock ?? 'no_restock',
    location: request.location ?? null,
    shipping: request.shipping ?? null,
    reason: request.reason?.trim() || null,
    amount: request.amount ?? null,
    discrepancyReason: request.discrepancyReason ?? null,
    currency: request.currency ?? null,
    notify: request.notify ?? false,
  };
}

/** A refund on the order that is the one our lost call made: after our row, same note, lines and total. */
function madeBy(refund: Refund, plan: RefundToCreate, row: OutboundRequestRow): boolean {
  if (new Date(refund.createdAt).getTime() < new Date(row.created_at).getTime() - clockSlackMs) return false;
  if ((refund.note ?? null) !== (plan.note ?? null)) return false;
  const lines = (entries: { id: string; quantity: number }[]) =>
    entries
      .map((entry) => `${entry.id}:${entry.quantity}`)
      .sort()
      .join(',');
  if (
    lines(refund.lines.map((line) => ({ id: line.lineShopifyId, quantity: line.quantity }))) !==
    lines(plan.lines.map((line) => ({ id: line.lineShopifyId, quantity: line.quantity })))
  )
    return false;
  const currency = refund.totalRefunded.presentment.currency;
  const planned = plan.transactions.reduce((total, t) => total + parseMoney(t.amount, currency).minor, 0);
  return refund.totalRefunded.presentment.minor === planned;
}

function agentRefund(order: Order, refund: Refund): AgentRefund {
  return {
    shopifyOrderId: order.shopifyId,
    shopifyRefundId: refund.shopifyId,
    createdAt: refund.createdAt,
    currency: refund.totalRefunded.presentment.currency,
    total: formatMoney(refund.totalRefunded.presentment),
    note: refund.note,
  };
}
