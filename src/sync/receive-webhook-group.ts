import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
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
  type ReceiptOrder,
  type StoredOutcome,
} from './webhook-receipts-repository.ts';
import type { RecentlyAccepted } from './recently-accepted.ts';

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
 * (group commit, webhook-group-commit.ts): one stale query (none when the receiver remembers every
 * order of the group, recently-accepted.ts), one multi-row insert of receipts, one insert of
 * jobs, where each delivery on its own costs all three (on PGlite, ~2.6 ms of its one
 * connection). The outcomes are those `receiveWebhook` gives the deliveries one after the other
 * in the order they came: a later copy of an earlier delivery of the group is a duplicate, and
 * the stale check sees what the group accepted before. Throws when the transaction fails:
 * nothing of the group remains.
 */
export async function receiveWebhookGroup(
  deps: ReceiveWebhookDeps,
  group: readonly VerifiedDelivery[],
): Promise<ReceiptOutcome[]> {
  let before = new Map<string, LatestAccepted>();
  const outcomes = await deps.db.transaction().execute(async (trx) => {
    before = await latestBefore(trx, deps.recentlyAccepted, ordersOf(group));
    const planned = planOutcomes(group, new Map(before));
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
  if (deps.recentlyAccepted) remember(deps.recentlyAccepted, before, group, outcomes);
  group.forEach((verified, i) => deps.onReceipt?.(outcomes[i]!, verified.delivery.topic));
  return outcomes;
}

/** What was accepted before the group, per order: from the process's memory where every order is there, else one query. */
async function latestBefore(
  db: Kysely<Database>,
  recentlyAccepted: RecentlyAccepted | undefined,
  orders: readonly ReceiptOrder[],
): Promise<Map<string, LatestAccepted>> {
  const remembered = new Map<string, LatestAccepted>();
  for (const order of orders) {
    const key = receiptOrderKey(order);
    const latest = recentlyAccepted?.get(key);
    if (!latest) return latestAcceptedReceipts(db, orders);
    remembered.set(key, latest);
  }
  return remembered;
}

function ordersOf(group: readonly VerifiedDelivery[]) {
  return group.flatMap(({ shopCode, order }) =>
    order.kind === 'order' ? [{ shopCode, shopifyOrderId: order.shopifyOrderId }] : [],
  );
}

/**
 * After the commit: what was known before the group, advanced by what the group stored as
 * accepted (not by what it planned: a planned acceptance that met a stored copy may have been
 * stored as stale by another process).
 */
function remember(
  recentlyAccepted: RecentlyAccepted,
  before: Map<string, LatestAccepted>,
  group: readonly VerifiedDelivery[],
  outcomes: readonly ReceiptOutcome[],
): void {
  group.forEach(({ shopCode, delivery, order }, i) => {
    if (outcomes[i] !== 'accepted' || order.kind !== 'order') return;
    advance(before, receiptOrderKey({ shopCode, shopifyOrderId: order.shopifyOrderId }), delivery, order);
  });
  for (const [orderKey, latest] of before) recentlyAccepted.remember(orderKey, latest);
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
    if (isStale(delivery, order, latest.get(orderKey) ?? nothingAccepted)) return 'stale';
    advance(latest, orderKey, delivery, order);
    return 'accepted';
  });
}

const nothingAccepted: LatestAccepted = { triggeredAt: null, orderUpdatedAt: null };

/** An accepted delivery moves its order's latest times on, as max() over the receipts does. */
function advance(
  latest: Map<string, LatestAccepted>,
  orderKey: string,
  delivery: WebhookDelivery,
  order: { orderUpdatedAt: Date | null },
): void {
  const known = latest.get(orderKey) ?? nothingAccepted;
  latest.set(orderKey, {
    triggeredAt: later(known.triggeredAt, delivery.triggeredAt),
    orderUpdatedAt: later(known.orderUpdatedAt, order.orderUpdatedAt),
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
