import { buildServer } from '../http/server.ts';
import {
  deadLetterBox,
  jobCounts,
  openJobQueue,
  startWorker,
  type JobQueue,
  type Worker,
} from '../jobs/index.ts';
import { syncDeps } from '../sync/index.ts';
import type { AppContext } from './context.ts';
import { createMetrics } from './metrics.ts';
import type { Store } from '../db/index.ts';
import { createSharedBudget, ThrottleGovernor, type AnyCostBudget } from '../shopify/index.ts';

export interface ServiceOptions {
  /** The JSON API and webhook receiver (`serve`), or only /health, /ready and /metrics (`worker`). */
  api: boolean;
  /** Run a worker in this process (`serve --with-worker`, `worker`, `start`). */
  worker: boolean;
  port: number;
  host: string;
  /** Order jobs a worker takes per fetch (Default: 5). */
  batchSize?: number | undefined;
}

export interface RunningService {
  readonly address: string;
  readonly queue: JobQueue;
  /**
   * Graceful shutdown: no new requests; requests and jobs in flight finish (a job that cannot
   * finish in time is released: pg-boss gives it to another worker once it expires); the queue
   * and the store close last.
   */
  stop(): Promise<void>;
}

/**
 * The long-running process: the job queue always (the API enqueues webhooks on it), an HTTP
 * listener, and a worker when asked. Any number of these run against one PostgreSQL server;
 * on the embedded store there is one process and it does everything.
 */
export async function startService(context: AppContext, options: ServiceOptions): Promise<RunningService> {
  const { store, logger, secretKey, notifier } = context;
  const queue = await openJobQueue(store, { logger });
  const metrics = createMetrics({ logger, jobCounts: () => jobCounts(queue) });
  let worker: Worker | undefined;
  try {
    if (options.worker) {
      const budgetFor = throttleBudgets(store);
      const deps = syncDeps({ db: store.db, secretKey, logger, notifier, metrics, budgetFor });
      worker = await startWorker(queue, deps, { logger, batchSize: options.batchSize });
    }
    const app = buildServer({
      store,
      logger,
      secretKey,
      notifier,
      metrics,
      jobs: queue,
      deadLetters: deadLetterBox(queue),
      ...(!options.api && { routes: [] }),
    });
    const address = await app.listen({ port: options.port, host: options.host });
    return {
      address,
      queue,
      async stop() {
        await app.close();
        await worker?.stop();
        await queue.stop({ graceful: true });
      },
    };
  } catch (error) {
    await worker?.stop().catch(() => undefined);
    await queue.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
}

/**
 * One throttle budget per shop for the whole process, so jobs paced one after another remember
 * Shopify's bucket; on a PostgreSQL server, one per shop for every worker of the database
 * (`shopify_budgets`), so N workers together stay within Shopify's bucket.
 */
function throttleBudgets(store: Store): (shopDomain: string) => AnyCostBudget {
  const budgets = new Map<string, AnyCostBudget>();
  return (shopDomain) => {
    let budget = budgets.get(shopDomain);
    if (!budget) {
      budget =
        store.backend === 'postgres' ? createSharedBudget(store.db, shopDomain) : new ThrottleGovernor();
      budgets.set(shopDomain, budget);
    }
    return budget;
  };
}
