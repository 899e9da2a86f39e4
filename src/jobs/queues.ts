import type { Queue } from 'pg-boss';

/**
 * The queues, as data. Every queue dead-letters what fails after its retries so that nothing is
 * dropped silently: the dead letters are the "needs attention" list (issue 7 item 2).
 *
 * - order-sync: one order read again and brought in step. `stately` keyed by shop + order: at most
 *   one job of an order waits and at most one runs, on whichever worker, so a burst of webhooks for
 *   one order (create, paid, fulfilled, refund...) costs one or two reads, and one order is never
 *   processed by two workers at once.
 * - shop-sync: a shop's periodic sync (seed 004 2.2 "runs automatically at regular intervals"):
 *   orders changed since the cursor, a few minutes of overlap to catch missed webhooks.
 * - schedule-tick: once a minute, sends each auto-sync shop's shop-sync when its frequency is due.
 */
export const queueNames = {
  orderSync: 'order-sync',
  shopSync: 'shop-sync',
  tick: 'schedule-tick',
  deadLetters: 'dead-letters',
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];

const retried = {
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
  // Capped: a shop that was down for hours is caught up by the periodic sync anyway.
  retryDelayMax: 600,
  // A worker beats every 15 s while it holds a job. One that dies (SIGKILL, out of memory, a lost
  // machine) stops beating, and its job is failed and retried within a minute (this + the
  // queue's supervise interval, job-queue.ts), where expiry alone kept an order's job for 5
  // minutes and a shop's sync for an hour, and the retry, holding the key, kept every later
  // job of that order or shop waiting behind it.
  heartbeatSeconds: 30,
  deadLetter: queueNames.deadLetters,
  notify: true,
} satisfies Omit<Queue, 'name'>;

export const queueDefinitions: readonly Queue[] = [
  // The dead letters are kept, not worked: an operator retries them (storebridge jobs retry).
  { name: queueNames.deadLetters, policy: 'standard', retentionSeconds: 60 * 60 * 24 * 90 },
  { name: queueNames.orderSync, policy: 'stately', expireInSeconds: 300, ...retried },
  // A first sync or a long backfill may take a while: expiry is what frees a job whose worker died.
  { name: queueNames.shopSync, policy: 'stately', expireInSeconds: 3600, ...retried },
  { name: queueNames.tick, policy: 'stately', expireInSeconds: 60, retryLimit: 0 },
];

/**
 * The key a job is sent with, from its data: `shop:order` for an order's job, `shop` for a
 * shop's. The queues are `stately` per key, so this is what keeps one order (or one shop's sync)
 * on one worker at a time and lets a burst coalesce.
 */
export function jobKey(data: { shopCode?: unknown; shopifyOrderId?: unknown }): string {
  return typeof data.shopifyOrderId === 'string'
    ? `${String(data.shopCode)}:${data.shopifyOrderId}`
    : String(data.shopCode);
}

/** What pg-boss can change of a queue after it was made (`updateQueue`): not its name or policy. */
const changeable = [
  'retryLimit',
  'retryDelay',
  'retryBackoff',
  'retryDelayMax',
  'expireInSeconds',
  'retentionSeconds',
  'deleteAfterSeconds',
  'heartbeatSeconds',
  'deadLetter',
  'notify',
] as const satisfies readonly (keyof Queue)[];

/**
 * The settings of a queue made by an older storebridge that differ from its definition now (a
 * heartbeat added, a retry changed), for `updateQueue`; empty when it is as defined. Only what the
 * definition names is compared: pg-boss's own defaults for the rest are left as they are.
 */
export function queueChanges(existing: Partial<Queue>, wanted: Queue): Partial<Queue> {
  const changes: Partial<Queue> = {};
  for (const key of changeable) {
    if (wanted[key] === undefined || existing[key] === wanted[key]) continue;
    Object.assign(changes, { [key]: wanted[key] });
  }
  return changes;
}
