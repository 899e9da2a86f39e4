import type { FastifyInstance } from 'fastify';
import type { Store } from '../../db/index.ts';
import type { JobSender } from '../../jobs/contract.ts';
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
}

/** One capability's routes under /api/ (sync, books, ...), registered by buildServer. */
export type RegisterApiRoutes = (app: FastifyInstance, deps: ApiDependencies) => void | Promise<void>;
