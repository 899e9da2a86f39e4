import { installAccessControl, installAuthentication } from '../access/index.ts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Store } from '../db/index.ts';
import type { JobSender } from '../jobs/contract.ts';
import type { DeadLetterBox } from '../jobs/needs-attention.ts';
import type { Notifier } from '../notify/index.ts';
import { createMetrics, type Metrics } from '../runtime/metrics.ts';
import type { Logger } from '../shared/logger.ts';
import type { OnWebhookReceipt } from '../sync/receive-webhook.ts';
import { installApiErrorHandling } from './api/api-errors.ts';
import type { RegisterApiRoutes } from './api/api-routes.ts';
import { capabilityRoutes } from './api/capability-routes.ts';
import { registerOperationsRoutes, type ReadinessCheck } from './operations-routes.ts';
import { findWebUi, isWebUiPage, registerWebUi, sendWebUiIndex } from './web-ui.ts';

export interface ServerDependencies {
  store: Store;
  logger: Logger;
  /** Opens shop secrets (tokens) for routes that call Shopify. */
  secretKey: Buffer;
  /** The capabilities' /api/ routes (Default: every capability's, capability-routes.ts). */
  routes?: readonly RegisterApiRoutes[];
  /** Failure emails (Default: none sent). */
  notifier?: Notifier | undefined;
  /** The job queue webhooks enqueue on (Default: none, and POST /webhooks/shopify answers 503). */
  jobs?: JobSender | undefined;
  /** The job queue's dead letters, for GET /api/needs-attention and retries (Default: none). */
  deadLetters?: DeadLetterBox | undefined;
  /** The clock of the operator's views, e.g. GET /api/dashboard (Default: the system clock). */
  now?: (() => Date) | undefined;
  /** What GET /metrics shows; the runtime shares it with its workers' parts (Default: a fresh registry). */
  metrics?: Metrics | undefined;
  /** Checks GET /ready adds to "database answers, migrations applied", e.g. the job queue started. */
  readiness?: ReadinessCheck | undefined;
  /** The built operator UI served at `/` (Default: dist/web when built; null serves none). */
  webUi?: string | null | undefined;
}

/** The HTTP service. Routes are registered per capability; this file only wires them. */
export function buildServer({
  store,
  logger,
  secretKey,
  notifier,
  jobs,
  deadLetters,
  now,
  routes = capabilityRoutes,
  metrics = createMetrics({ logger }),
  readiness,
  webUi,
}: ServerDependencies) {
  // Typed as the plain instance every capability's routes take (pino's Logger is a FastifyBaseLogger).
  const app: FastifyInstance = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  const webUiDir = webUi === undefined ? findWebUi() : findWebUi(webUi);
  installApiErrorHandling(
    app,
    logger,
    webUiDir ? (request, reply) => (isWebUiPage(request) ? sendWebUiIndex(reply) : undefined) : undefined,
  );
  if (webUiDir) registerWebUi(app, webUiDir);
  installAuthentication(app, store.db);
  installAccessControl(app, store.db);

  registerOperationsRoutes(app, { store, logger, metrics, readiness });

  // Each capability in its own plugin scope: its hooks stay its own, the error handling above applies.
  const onWebhookReceipt: OnWebhookReceipt = (outcome, topic) => metrics.webhookReceipt(topic, outcome);
  for (const register of routes) {
    void app.register(async (scope) =>
      register(scope, {
        store,
        secretKey,
        logger,
        notifier,
        jobs,
        onWebhookReceipt,
        metrics,
        deadLetters,
        now,
      }),
    );
  }
  return app;
}

export type StorebridgeServer = ReturnType<typeof buildServer>;
