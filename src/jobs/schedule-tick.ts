import { vacuumWhereNeeded } from '../db/index.ts';
import { listShops } from '../shops/index.ts';
import { pruneWebhookReceipts, type SyncDeps } from '../sync/index.ts';
import type { JobQueue } from './job-queue.ts';
import { jobKey, queueNames } from './queues.ts';

/**
 * Every minute, the shop-sync schedules are made to follow the shops' settings: one schedule per
 * shop with auto sync on, every `syncFrequencyMinutes` (an RRULE, so 7 minutes means 7 minutes,
 * which a cron step cannot say), none for the others. A settings change takes effect within a
 * minute on whichever worker runs the tick; pg-boss sends each occurrence once for all workers.
 */
export async function startScheduleTick(queue: JobQueue): Promise<void> {
  await queue.boss.schedule(queueNames.tick, '* * * * *', null, { singletonKey: 'tick' });
}

export async function runScheduleTick(queue: JobQueue, deps: Pick<SyncDeps, 'db'>): Promise<object> {
  const wanted = new Map(
    (await listShops(deps))
      .filter((shop) => shop.autoSyncOrders)
      .map((shop) => [shop.code, shopSyncRule(shop.syncFrequencyMinutes)]),
  );
  const existing = await queue.boss.getSchedules(queueNames.shopSync);
  let changed = 0;
  for (const schedule of existing) {
    if (wanted.get(schedule.key) === schedule.cron) continue;
    if (!wanted.has(schedule.key)) {
      await queue.boss.unschedule(queueNames.shopSync, schedule.key);
      changed += 1;
    }
  }
  const current = new Map(existing.map((schedule) => [schedule.key, schedule.cron]));
  for (const [shopCode, rule] of wanted) {
    if (current.get(shopCode) === rule) continue;
    await queue.boss.schedule(
      queueNames.shopSync,
      rule,
      { shopCode, cause: 'schedule' },
      { key: shopCode, singletonKey: jobKey({ shopCode }), missed: 'once' },
    );
    changed += 1;
  }
  const receiptsPruned = await pruneWebhookReceipts(deps.db, receiptDays);
  // The embedded store has no autovacuum (src/db/vacuum-where-needed.ts): the tick does it there.
  return { shops: wanted.size, changed, receiptsPruned, vacuumed: await vacuumWhereNeeded(deps.db) };
}

/** How long webhook receipts are kept (for duplicate and stale checks). */
const receiptDays = 30;

/** RFC 5545 recurrence: every N minutes. */
export function shopSyncRule(minutes: number): string {
  return `RRULE:FREQ=MINUTELY;INTERVAL=${minutes}`;
}
