import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/index.ts';

/** The database a job is enqueued through: a transaction, so the job commits with what caused it. */
export type JobDb = Kysely<Database> | Transaction<Database>;

/**
 * "Read this order from Shopify again and bring the books in step with it." Webhooks only say
 * that an order changed; the job reads the order as it is now, so a late or repeated delivery
 * cannot import an older state (the mirror keeps the newest version, seed 004 3.4).
 */
export interface OrderSyncJob {
  shopCode: string;
  /** Numeric Shopify order id, as the mirror keys orders (never the name, e.g. #1001). */
  shopifyOrderId: string;
  /** Why: `webhook orders/updated`, `poll`, … (logged with the job). */
  cause: string;
}

/** What the webhook receiver and the schedules need of the job queue. */
export interface JobSender {
  /**
   * Enqueues through `db` (pass the transaction that stores the receipt). Jobs for one order
   * coalesce: while one waits, another for the same order is not added.
   */
  sendOrderSync(db: JobDb, job: OrderSyncJob): Promise<void>;
  /**
   * Several at once, in one statement (the webhook receiver's group commit): the same jobs, keys
   * and coalescing as a `sendOrderSync` each, also between jobs of one call.
   */
  sendOrderSyncs(db: JobDb, jobs: readonly OrderSyncJob[]): Promise<void>;
}
