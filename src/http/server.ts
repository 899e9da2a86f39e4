import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Store } from '../db/index.ts';
import type { Logger } from '../shared/logger.ts';

export interface ServerDependencies {
  store: Store;
  logger: Logger;
}

/** The HTTP service. Routes are registered per capability; this file only wires them. */
export function buildServer({ store, logger }: ServerDependencies) {
  const app = Fastify({ loggerInstance: logger });

  // Health means "the database answers": a load balancer should stop routing when it does not.
  app.get('/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(store.db);
      return { status: 'ok', database: store.backend };
    } catch (error) {
      logger.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: store.backend });
    }
  });

  return app;
}

export type StorebridgeServer = ReturnType<typeof buildServer>;
