import type { Job, JobResult } from 'pg-boss';
import type { Logger } from '../shared/logger.ts';
import type { SyncDeps } from '../sync/index.ts';
import type { OrderSyncJob } from './contract.ts';
import type { JobQueue, ShopSyncJob } from './job-queue.ts';
import { runOrderSync, runShopSync } from './handlers.ts';
import { jobKey, queueNames } from './queues.ts';
import { runScheduleTick, startScheduleTick } from './schedule-tick.ts';

export interface WorkerOptions {
  /** Jobs taken per fetch, worked side by side (different orders: one order is one job at a time). */
  batchSize?: number;
  logger?: Logger | undefined;
  /** Sends the periodic shop syncs (Default: true; tests of one job at a time turn it off). */
  schedules?: boolean;
}

export interface Worker {
  /** Stops taking jobs; jobs in flight finish (or are released to another worker after expiry). */
  stop(): Promise<void>;
}

/**
 * A worker: takes order-sync, shop-sync and schedule jobs from the queue and runs them through
 * sync/. Any number of workers on any number of machines can share one PostgreSQL server; the
 * queue's keys keep one order (and one shop's sync) on one worker at a time.
 */
export async function startWorker(
  queue: JobQueue,
  deps: SyncDeps,
  options: WorkerOptions = {},
): Promise<Worker> {
  const batchSize = options.batchSize ?? 5;
  const logger = options.logger;
  const settle = settler(queue, logger);
  const workers: { name: string; id: string }[] = [];
  const work = async (name: string, id: Promise<string>) => workers.push({ name, id: await id });
  await work(
    queueNames.orderSync,
    queue.boss.work<OrderSyncJob>(
      queueNames.orderSync,
      { batchSize, perJobResults: true, burstWhenBatchFull: true, pollingIntervalSeconds: 2 },
      (jobs) =>
        Promise.all(
          jobs.map((job) => settle(job, (log) => runOrderSync({ ...deps, logger: log }, job.data))),
        ),
    ),
  );
  await work(
    queueNames.shopSync,
    queue.boss.work<ShopSyncJob>(
      queueNames.shopSync,
      { batchSize: 1, perJobResults: true, pollingIntervalSeconds: 2 },
      (jobs) =>
        Promise.all(jobs.map((job) => settle(job, (log) => runShopSync({ ...deps, logger: log }, job.data)))),
    ),
  );
  await work(
    queueNames.tick,
    queue.boss.work(queueNames.tick, { pollingIntervalSeconds: 5 }, () => runScheduleTick(queue, deps)),
  );
  if (options.schedules ?? true) await startScheduleTick(queue);
  return {
    async stop() {
      for (const { name, id } of workers) await queue.boss.offWork(name, { id, wait: true });
    },
  };
}

/**
 * A job's outcome for pg-boss: done; failed and retried with backoff (Shopify unreachable,
 * throttled past our retries, a database hiccup); or straight to the dead letters when retrying
 * cannot help (a permanent error: unknown shop, refused token).
 */
function settler(queue: JobQueue, logger: Logger | undefined) {
  return async <T>(job: Job<T>, run: (log: Logger | undefined) => Promise<unknown>): Promise<JobResult> => {
    // The job's id is the correlation id: every line the job's work logs carries it.
    const log = logger?.child({ jobId: job.id, queue: job.name, attempt: job.retryCount + 1 });
    try {
      const output = await run(log);
      log?.info({ data: job.data }, 'job done');
      return { id: job.id, status: 'completed', output: output ?? null };
    } catch (error) {
      const failure = describeFailure(error);
      const waiting = failure.retryable ? await waitingRetry(queue, job) : undefined;
      if (waiting) {
        log?.info(
          { data: job.data, ...failure, retriedBy: waiting },
          'job failed; its retry is already waiting',
        );
        return { id: job.id, status: 'completed', output: { ...failure, retriedBy: waiting } };
      }
      log?.warn(
        { data: job.data, ...failure },
        failure.retryable ? 'job failed; retried later' : 'job failed for good',
      );
      return { id: job.id, status: failure.retryable ? 'failed' : 'deadletter', output: failure };
    }
  };
}

/**
 * The queues are `stately`: one job per order (or shop) waits in each state. pg-boss moves a failed
 * job to `retry` only when no other job of its key is there; otherwise it fails it for good and
 * dead-letters it, retries left or not. A burst of webhooks makes that common (a job of an order
 * fails, waits for its retry; the next delivery's job runs and fails too, e.g. on THROTTLED), and
 * each such job became "needs attention" although nothing was lost. A job re-reads its order or
 * shop as it is when it runs, so the retry that is already waiting does this job's work: the job
 * is settled as done with the error and the waiting retry's id. Checked while this job is the
 * key's active one, so no other job of the key can enter `retry` before it is settled.
 */
async function waitingRetry<T>(queue: JobQueue, job: Job<T>): Promise<string | undefined> {
  const key = jobKey(job.data as Record<string, unknown>);
  const queued = await queue.boss.findJobs(job.name, { key, queued: true });
  return queued.find((other) => other.state === 'retry' && other.id !== job.id)?.id;
}

function describeFailure(error: unknown): { code: string; message: string; retryable: boolean } {
  const typed = error as { code?: unknown; retryable?: unknown; message?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  if (typeof typed.code === 'string' && typeof typed.retryable === 'boolean')
    return { code: typed.code, message, retryable: typed.retryable };
  return { code: 'unexpected', message, retryable: true };
}
