import type { Actor } from '../../access/index.ts';
import { suggestRefund } from '../../shopify/index.ts';
import { resolveOrderId } from '../../sync/index.ts';
import { loadShopifyOrder } from './load-order.ts';
import { openShop, type OutboundDeps } from './outbound-deps.ts';
import { resolveRefund, type RefundRequest } from './refund-choice.ts';
import { planRefund, type RefundPreview } from './refund-plan.ts';
import { authorizeAudited } from './send-once.ts';

/**
 * Step 1 of an agent refund (issue 8 item 2, seed 003 "calculate"): Shopify's own calculation of
 * the agent's choice, checked against the order, as a summary. Nothing is written or sent.
 */
export async function previewRefund(
  deps: OutboundDeps,
  actor: Actor,
  shopCode: string,
  order: string,
  request: RefundRequest,
): Promise<RefundPreview> {
  await authorizeAudited(deps, { actor, action: 'refund.preview', shopCode, order, request });
  const shopifyOrderId = await resolveOrderId(deps.sync.db, shopCode, order);
  const shop = await openShop(deps, shopCode);
  const resolved = resolveRefund(await loadShopifyOrder(shop, shopifyOrderId), request);
  return planRefund(resolved, await suggestRefund(shop.client, resolved.choice));
}
