import { syncOneOrder } from '../../sync/index.ts';
import type { OutboundDeps } from './outbound-deps.ts';

/** Whether the order was brought in step after the action, and if not why (the poll will do it). */
export type AfterSync = { synced: true } | { synced: false; error: string };

/**
 * After Shopify acted, the order goes through the normal one-order sync (issue 8: the refund
 * reaches the books only through the refund import, exactly once; its locks and unique keys make
 * this, the webhook and the poll one path). A failure here does not undo what Shopify did: it is
 * reported and the next sync or webhook brings the order in step.
 */
export async function syncOrderAfter(
  deps: OutboundDeps,
  shopCode: string,
  shopifyOrderId: string,
): Promise<AfterSync> {
  try {
    await syncOneOrder(deps.sync, shopCode, shopifyOrderId);
    return { synced: true };
  } catch (error) {
    deps.logger?.warn({ err: error, shopCode, shopifyOrderId }, 'order sync after an agent action failed');
    return { synced: false, error: (error as Error).message };
  }
}
