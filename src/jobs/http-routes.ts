import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from '../http/api/api-routes.ts';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { syncDeps } from '../sync/index.ts';
import { dashboard } from './dashboard.ts';
import { listAttention } from './list-attention.ts';

/** The API has no job queue attached (a server built without one): the queue's routes cannot answer. */
export class JobQueueUnavailableError extends AppError {
  readonly code = 'job_queue_unavailable';
  readonly retryable = true;
}

/**
 * The operator's views (issue 9 items 7 and 8):
 * - `GET /api/needs-attention[?shop=&reconcile=false]` -> `{ items, counts }` (jobs/list-attention.ts);
 * - `GET /api/dead-letters` -> `{ deadLetters }`, `POST /api/dead-letters/:id/retry` (sync.run);
 * - `GET /api/dashboard[?days=14&reconcile=false]` (jobs/dashboard.ts).
 */
export function registerJobsRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  const sync = {
    ...syncDeps({ db: deps.store.db, secretKey: deps.secretKey, logger: deps.logger }),
    now: deps.now,
  };
  const attention = { sync, deadLetters: deps.deadLetters };

  app.get<{ Querystring: { shop?: string; reconcile?: string } }>('/api/needs-attention', async (request) => {
    const { shop, reconcile } = request.query;
    if (reconcile !== undefined && reconcile !== 'true' && reconcile !== 'false')
      throw new ValidationError(`reconcile: "${reconcile}" is not true or false`, [
        { path: 'reconcile', message: 'must be true or false' },
      ]);
    return listAttention(attention, { shopCode: shop, reconcile: reconcile !== 'false' });
  });

  app.get('/api/dead-letters', async () => ({ deadLetters: await queue().list() }));

  app.post<{ Params: { id: string } }>(
    '/api/dead-letters/:id/retry',
    { config: { permission: 'sync.run' } },
    async (request) => {
      const { id } = request.params;
      if (!(await queue().retry(id)))
        throw new NotFoundError(`No dead-lettered job ${id} (GET /api/dead-letters lists them)`);
      return { id, retried: true };
    },
  );

  app.get<{ Querystring: { days?: string; reconcile?: string } }>('/api/dashboard', async (request) => {
    const text = request.query.days ?? '14';
    const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    const reconcile = flag(request.query.reconcile);
    return dashboard({ ...attention, costUse: deps.metrics?.shopifyCostUse }, { days, reconcile });
  });

  /** `?reconcile=false` skips the reconcile run (it reads every imported order). Default: true. */
  function flag(value: string | undefined): boolean {
    if (value === undefined || value === 'true') return true;
    if (value === 'false') return false;
    throw new ValidationError(`reconcile: "${value}" is not true or false`, [
      { path: 'reconcile', message: 'must be true or false' },
    ]);
  }

  function queue() {
    if (!deps.deadLetters) throw new JobQueueUnavailableError('No job queue is attached to this server');
    return deps.deadLetters;
  }
}
