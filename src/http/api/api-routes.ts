import type { FastifyInstance } from 'fastify';
import type { Store } from '../../db/index.ts';
import type { Notifier } from '../../notify/index.ts';
import type { Logger } from '../../shared/logger.ts';

/** What every capability's routes get: the store, the key that opens shop secrets, a logger. */
export interface ApiDependencies {
  readonly store: Store;
  readonly secretKey: Buffer;
  readonly logger: Logger;
  /** Failure emails (Default: none sent). */
  readonly notifier?: Notifier | undefined;
}

/** One capability's routes under /api/ (sync, books, ...), registered by buildServer. */
export type RegisterApiRoutes = (app: FastifyInstance, deps: ApiDependencies) => void | Promise<void>;
