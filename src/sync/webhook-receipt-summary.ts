import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';

/** What arrived for one topic, as the web UI's webhook page shows it. */
export interface ReceivedTopic {
  topic: string;
  /** The latest delivery, stored or repeated (ISO). */
  last: string;
  accepted: number;
  /** Repeats of a delivery already taken (Shopify's retries, or one event sent twice). */
  duplicate: number;
  /** Older than a version of the order already accepted; nothing was done. */
  stale: number;
  /** Topics the receiver takes but does not act on. */
  ignored: number;
}

/**
 * Deliveries received for the shop, per topic, since the receipts were last pruned
 * (pruneWebhookReceipts, which prunes the repeats' log with them); topics by name.
 */
export async function webhookReceiptSummary(
  db: Kysely<Database>,
  shopCode: string,
): Promise<ReceivedTopic[]> {
  const receipts = await db
    .selectFrom('webhook_receipts')
    .select((eb) => [
      'topic',
      'outcome',
      eb.fn.countAll<string>().as('count'),
      eb.fn.max('received_at').as('last'),
    ])
    .where('shop_code', '=', shopCode)
    .groupBy(['topic', 'outcome'])
    .execute();
  const repeats = await db
    .selectFrom('webhook_repeats')
    .select((eb) => [
      'topic',
      eb.fn.sum<string>('repeats').as('repeats'),
      eb.fn.max('received_at').as('last'),
    ])
    .where('shop_code', '=', shopCode)
    .groupBy('topic')
    .execute();
  const topics = new Map<string, ReceivedTopic>();
  const topicOf = (topic: string) => {
    const found = topics.get(topic) ?? { topic, last: '', accepted: 0, duplicate: 0, stale: 0, ignored: 0 };
    topics.set(topic, found);
    return found;
  };
  for (const row of receipts) {
    const entry = topicOf(row.topic);
    entry[row.outcome] += Number(row.count);
    entry.last = later(entry.last, row.last);
  }
  for (const row of repeats) {
    const entry = topicOf(row.topic);
    entry.duplicate += Number(row.repeats);
    entry.last = later(entry.last, row.last);
  }
  return [...topics.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

function later(current: string, value: Date | string | null): string {
  if (value === null) return current;
  const iso = new Date(value).toISOString();
  return iso > current ? iso : current;
}
