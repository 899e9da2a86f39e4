import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Store } from '../db/index.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { Metrics } from '../runtime/metrics.ts';
import type { Logger } from '../shared/logger.ts';

export interface Readiness {
  ready: boolean;
  /** Why not, for the operator reading the 503 (never secrets). */
  reason?: string | undefined;
}

/** A check /ready adds to its own (e.g. "the job queue is started"). */
export type ReadinessCheck = () => Promise<Readiness>;

export interface OperationsDependencies {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  readiness?: ReadinessCheck | undefined;
}

/** Polled every few seconds by load balancers and Prometheus: their request logs would drown the rest. */
const quiet = { logLevel: 'warn' } as const;

/**
 * /health, /ready and /metrics, and the request duration histogram, by route pattern so its
 * labels stay few.
 */
export function registerOperationsRoutes(app: FastifyInstance, deps: OperationsDependencies): void {
  const { metrics, logger } = deps;
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequest(route, reply.statusCode, reply.elapsedTime / 1000);
  });

  // Health means "the database answers": a load balancer should stop routing when it does not.
  app.get('/health', async (_request, reply) => {
    const error = await databaseError(deps.store);
    if (error === null) return { status: 'ok', database: deps.store.backend };
    logger.error({ err: error }, 'health check: database unreachable');
    return reply.code(503).send({ status: 'unavailable', database: deps.store.backend });
  });

  // Ready means "send me traffic": the database answers, its schema is this build's, and the
  // attached parts (the job queue) are started. A rolling deploy waits on it.
  app.get('/ready', quiet, async (_request, reply) => {
    const readiness = await checkReadiness(deps);
    if (readiness.ready) return { status: 'ready' };
    logger.warn({ reason: readiness.reason }, 'not ready');
    return reply.code(503).send({ status: 'not_ready', reason: readiness.reason });
  });

  app.get('/metrics', quiet, async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).send(body);
  });
}

async function checkReadiness({ store, readiness }: OperationsDependencies): Promise<Readiness> {
  const database = await databaseReadiness(store);
  if (!database.ready || !readiness) return database;
  try {
    return await readiness();
  } catch (error) {
    return { ready: false, reason: `readiness check failed: ${(error as Error).message}` };
  }
}

/** Null when the database answers; else why not. */
async function databaseError(store: Store): Promise<unknown> {
  try {
    await sql`select 1`.execute(store.db);
    return null;
  } catch (error) {
    return error;
  }
}

async function databaseReadiness(store: Store): Promise<Readiness> {
  if ((await databaseError(store)) !== null)
    return { ready: false, reason: `database unreachable (${store.backend})` };
  const pending = await pendingMigrations(store.db).catch(() => null);
  if (pending === null) return { ready: false, reason: 'database migrations could not be read' };
  if (pending.length > 0) return { ready: false, reason: `migrations pending: ${pending.join(', ')}` };
  return { ready: true };
}
