import type { JobQueue } from './job-queue.ts';
import { queueDefinitions } from './queues.ts';

/** Jobs per queue and state, for /metrics (pg-boss's cached queue counts, at most a minute old). */
export async function jobCounts(queue: JobQueue): Promise<{ queue: string; state: string; count: number }[]> {
  const queues = await queue.boss.getQueues(queueDefinitions.map((definition) => definition.name));
  return queues.flatMap((q) => [
    { queue: q.name, state: 'ready', count: q.readyCount },
    { queue: q.name, state: 'deferred', count: q.deferredCount },
    { queue: q.name, state: 'active', count: q.activeCount },
    { queue: q.name, state: 'failed', count: q.failedCount },
  ]);
}
