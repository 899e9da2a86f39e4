import { setImmediate as nextTurn } from 'node:timers/promises';
import { fromKysely, fromPglite, PgBoss, type ConstructorOptions, type Db, type Queue } from 'pg-boss';
import { prepareOnce, type Store, type StoreAccess } from '../db/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { JobDb, JobSender, OrderSyncJob } from './contract.ts';
import { jobKey, queueChanges, queueDefinitions, queueNames } from './queues.ts';

export interface JobQueue extends JobSender {
  readonly boss: PgBoss;
  /** pg-boss's tables live in this schema of the store's database. */
  readonly schema: string;
  sendShopSync(db: JobDb, job: ShopSyncJob): Promise<void>;
  /** Stops the queue; `graceful` lets jobs in flight finish first (pg-boss waits up to `timeoutMs`). */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export interface ShopSyncJob {
  shopCode: string;
  cause: string;
}

/**
 * The durable job queue (pg-boss) in the store's own database. On PGlite it goes through the
 * store's one connection under the store's lock, like every other use of it (a job sent inside a
 * transaction is part of that transaction); on a PostgreSQL server pg-boss has its own small pool
 * and LISTEN/NOTIFY, so a job sent by any process wakes a worker in milliseconds.
 */
export async function openJobQueue(store: Store, options: { logger?: Logger } = {}): Promise<JobQueue> {
  const schema = jobsSchema(store.access);
  const boss = new PgBoss({
    ...connectionOptions(store.access),
    schema,
    useListenNotify: true,
    // How often jobs of dead workers (heartbeat missed, queues.ts) and expired jobs are failed and
    // retried (pg-boss Default: 60 s); one pass for all processes of the database.
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
  });
  boss.on('error', (error) => options.logger?.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => options.logger?.warn({ warning }, 'job queue warning'));
  await boss.start();
  for (const { name, ...definition } of queueDefinitions) {
    const existing = await boss.getQueue(name);
    if (!existing) await boss.createQueue(name, definition);
    else await updateQueueDefinition(boss, existing, { name, ...definition });
    // pg-boss looks a queue up on its own connection the first time a job is sent to it. On PGlite
    // that lookup, inside a caller's transaction, would wait for the lock the transaction holds:
    // a read now puts every queue in its cache first.
    await boss.findJobs(name, { id: '00000000-0000-0000-0000-000000000000' });
  }
  return {
    boss,
    schema,
    async sendOrderSync(db, job) {
      await boss.send(queueNames.orderSync, job satisfies OrderSyncJob, {
        singletonKey: jobKey(job),
        db: fromKysely(db),
      });
    },
    async sendOrderSyncs(db, jobs) {
      if (jobs.length === 0) return;
      // insert() runs send()'s statement (pg-boss 12.35 plans.insertJobs: the queue's policy, its
      // defaults, ON CONFLICT DO NOTHING) for all rows, so `stately` coalesces as with send().
      // Sorted by key: two groups committing at once then take the key index's locks in one
      // order and cannot deadlock on them.
      const rows = jobs.map((job) => ({ data: job, singletonKey: jobKey(job) }));
      rows.sort((a, b) => (a.singletonKey < b.singletonKey ? -1 : a.singletonKey > b.singletonKey ? 1 : 0));
      await boss.insert(queueNames.orderSync, rows, { db: preparedOnce(fromKysely(db)) });
    },
    async sendShopSync(db, job) {
      await boss.send(queueNames.shopSync, job, { singletonKey: jobKey(job), db: fromKysely(db) });
    },
    async stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      await boss.stop({ graceful, timeout: timeoutMs, close: true });
    },
  };
}

const superviseSeconds = 15;

/**
 * pg-boss's insert of a queue is one fixed text (its rows are one JSON parameter): prepared once
 * per connection on a PostgreSQL server (db `prepareOnce`), where parsing and planning it cost
 * more than running it, once per webhook group.
 */
function preparedOnce(db: Db): Db {
  return { executeSql: (text, values) => db.executeSql(`${prepareOnce}${text}`, values) };
}

/**
 * A queue made by an older storebridge takes today's definition (a heartbeat, a retry setting):
 * pg-boss copies a queue's settings into each job it sends, so without this an upgraded install
 * would keep the old ones for good. Idempotent: an unchanged queue is not written.
 */
async function updateQueueDefinition(boss: PgBoss, existing: Queue, wanted: Queue): Promise<void> {
  const changes = queueChanges(existing, wanted);
  if (Object.keys(changes).length > 0) await boss.updateQueue(wanted.name, changes);
}

/**
 * `pgboss` beside the store's `public`; a store in its own schema (the tests', or an integrator's
 * second instance) gets `<schema>_jobs`, so two stores in one database never share a queue.
 */
export function jobsSchema(access: StoreAccess): string {
  if (access.kind === 'pglite' || access.schema === 'public') return 'pgboss';
  return `${access.schema}_jobs`;
}

function connectionOptions(access: StoreAccess): ConstructorOptions {
  if (access.kind === 'postgres') return { connectionString: access.url, max: 4 };
  return { backend: 'pglite', db: serialised(access.pglite, access.lock) };
}

/**
 * PGlite is one PostgreSQL session: a pg-boss statement that slipped in between another
 * transaction's BEGIN and COMMIT would commit or roll back with it. Every statement takes the
 * store's lock (pg-boss's multi-statement blocks are one call, so they stay whole).
 *
 * Each statement first lets the event loop turn. PGlite answers in promise callbacks, so without
 * it a supervise pass (a dozen statements back to back, 4-16 ms each at 10,000 jobs) ran as one
 * 50-70 ms stretch in which the service read no request: an ack spike every 15 s (issue 7).
 * Statements pg-boss runs inside a caller's transaction (`fromKysely`) do not come through here.
 */
export function serialised(
  pglite: Parameters<typeof fromPglite>[0],
  lock: { run<T>(work: () => Promise<T>): Promise<T> },
): Db {
  const inner = fromPglite(pglite);
  const db: Db = {
    executeSql: async (text, values) => {
      await nextTurn();
      return lock.run(() => inner.executeSql(text, values));
    },
    setSessionStatements: async (statements) => lock.run(() => inner.setSessionStatements!(statements)),
  };
  if (inner.listen) {
    const listen = inner.listen.bind(inner);
    db.listen = (channel, onNotification, onReconnect) =>
      lock.run(() => listen(channel, onNotification, onReconnect));
  }
  return db;
}
