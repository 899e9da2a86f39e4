import type { FastifyInstance } from 'fastify';
import type { Store } from '../../db/index.ts';
import type { JobSender } from '../../jobs/contract.ts';
import type { DeadLetterBox } from '../../jobs/needs-attention.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { Notifier } from '../../notify/index.ts';
import type { Logger } from '../../shared/logger.ts';
import type { OnWebhookReceipt } from '../../sync/receive-webhook.ts';

/** What every capability's routes get: the store, the key that opens shop secrets, a logger. */
export interface ApiDependencies {
  readonly store: Store;
  readonly secretKey: Buffer;
  readonly logger: Logger;
  /** Failure emails (Default: none sent). */
  readonly notifier?: Notifier | undefined;
  /** The queue webhooks enqueue order syncs on (Default: none, and webhooks are answered 503). */
  readonly jobs?: JobSender | undefined;
  /** Counts webhook deliveries by outcome and topic, e.g. for /metrics (Default: none). */
  readonly onWebhookReceipt?: OnWebhookReceipt | undefined;
  /** This process's metrics: API syncs count their Shopify calls there; the dashboard reads the API cost (Default: none). */
  readonly metrics?: Metrics | undefined;
  /** The job queue's dead letters (Default: none; the needs-attention routes then say the queue is not attached). */
  readonly deadLetters?: DeadLetterBox | undefined;
  /** The clock of the operator's views (Default: the system clock); tests pin it. */
  readonly now?: (() => Date) | undefined;
}

/** One capability's routes under /api/ (sync, books, ...), registered by buildServer. */
export type RegisterApiRoutes = (app: FastifyInstance, deps: ApiDependencies) => void | Promise<void>;
