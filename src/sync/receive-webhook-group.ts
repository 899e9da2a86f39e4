import type { WebhookDelivery } from '../shopify/index.ts';
import {
  isStale,
  orderSyncJob,
  receiptRow,
  type ReceiptOutcome,
  type ReceiveWebhookDeps,
  type VerifiedDelivery,
} from './receive-webhook.ts';
import {
  countWebhookRepeats,
  insertWebhookReceipts,
  latestAcceptedReceipts,
  receiptOrderKey,
  type LatestAccepted,
  type StoredOutcome,
} from './webhook-receipts-repository.ts';

/**
 * Stores the receipt and enqueues the order's sync in one transaction: if the enqueue fails, no
 * receipt remains, the answer is 5xx and Shopify's retry finds no duplicate. A webhook only says
 * the order changed; the job re-reads it, so a stale delivery is skipped only to save work.
 * One delivery is a group of one (receive-webhook-group.ts): the same statements, one path.
 */
export async function receiveWebhook(
  deps: ReceiveWebhookDeps,
  verified: VerifiedDelivery,
): Promise<ReceiptOutcome> {
  const [outcome] = await receiveWebhookGroup(deps, [verified]);
  return outcome!;
}

/**
 * Stores the receipts and enqueues the order syncs of several deliveries in one transaction
 * (group commit, webhook-group-commit.ts): one stale query, one multi-row insert of receipts, one
 * insert of jobs, where each delivery on its own costs all three (on PGlite, ~2.6 ms of its one
 * connection). The outcomes are those `receiveWebhook` gives the deliveries one after the other
 * in the order they came: a later copy of an earlier delivery of the group is a duplicate, and
 * the stale check sees what the group accepted before. Throws when the transaction fails:
 * nothing of the group remains.
 */
export async function receiveWebhookGroup(
  deps: ReceiveWebhookDeps,
  group: readonly VerifiedDelivery[],
): Promise<ReceiptOutcome[]> {
  const outcomes = await deps.db.transaction().execute(async (trx) => {
    const planned = planOutcomes(group, await latestAcceptedReceipts(trx, ordersOf(group)));
    const toStore = group.flatMap((verified, i) => {
      const outcome = planned[i]!;
      return outcome === 'duplicate' ? [] : [{ index: i, row: receiptRow(verified, outcome) }];
    });
    const stored = await insertWebhookReceipts(
      trx,
      toStore.map(({ row }) => row),
    );
    // Not stored: a repeat of a receipt stored earlier (or just now by another process).
    const result: ReceiptOutcome[] = group.map(() => 'duplicate');
    toStore.forEach(({ index, row }, i) => {
      if (stored[i]) result[index] = row.outcome;
    });
    await countWebhookRepeats(
      trx,
      group.flatMap(({ shopCode, delivery }, i) =>
        result[i] === 'duplicate' ? [{ shopCode, topic: delivery.topic }] : [],
      ),
    );
    const jobs = group.flatMap(({ shopCode, delivery, order }, i) =>
      result[i] === 'accepted' && order.kind === 'order' ? [orderSyncJob(shopCode, delivery, order)] : [],
    );
    if (jobs.length > 0) await deps.jobs.sendOrderSyncs(trx, jobs);
    return result;
  });
  group.forEach((verified, i) => deps.onReceipt?.(outcomes[i]!, verified.delivery.topic));
  return outcomes;
}

function ordersOf(group: readonly VerifiedDelivery[]) {
  return group.flatMap(({ shopCode, order }) =>
    order.kind === 'order' ? [{ shopCode, shopifyOrderId: order.shopifyOrderId }] : [],
  );
}

/**
 * Each delivery's outcome, in arrival order, before the insert: `latest` holds what was accepted
 * before the group and is advanced by what the group accepts. A delivery planned `accepted` may
 * still turn out a repeat of a stored one; a later delivery of its order judged stale against it
 * is then stale against that stored copy too (same event, same times), so the plan stands.
 */
function planOutcomes(
  group: readonly VerifiedDelivery[],
  latest: Map<string, LatestAccepted>,
): (StoredOutcome | 'duplicate')[] {
  const seen = new Set<string>();
  return group.map(({ shopCode, delivery, order }) => {
    const keys = deliveryKeys(shopCode, delivery);
    if (keys.some((key) => seen.has(key))) return 'duplicate';
    for (const key of keys) seen.add(key);
    if (order.kind === 'none') return 'ignored';
    const orderKey = receiptOrderKey({ shopCode, shopifyOrderId: order.shopifyOrderId });
    const before = latest.get(orderKey) ?? { triggeredAt: null, orderUpdatedAt: null };
    if (isStale(delivery, order, before)) return 'stale';
    latest.set(orderKey, {
      triggeredAt: later(before.triggeredAt, delivery.triggeredAt),
      orderUpdatedAt: later(before.orderUpdatedAt, order.orderUpdatedAt),
    });
    return 'accepted';
  });
}

/** The receipts table's two unique keys (0009): (shop, webhook id) and (shop, event id, topic). */
function deliveryKeys(shopCode: string, delivery: WebhookDelivery): string[] {
  const byWebhook = `webhook\u0000${shopCode}\u0000${delivery.webhookId}`;
  if (delivery.eventId === null) return [byWebhook];
  return [byWebhook, `event\u0000${shopCode}\u0000${delivery.eventId}\u0000${delivery.topic}`];
}

/** As max() over the receipts: null only when both are. */
function later(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.getTime() > a.getTime() ? b : a;
}
