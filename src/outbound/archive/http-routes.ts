import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../access/index.ts';
import type { ApiDependencies } from '../../http/api/api-routes.ts';
import { archiveOrders } from './archive-orders.ts';

const archiveBody = {
  type: 'object',
  additionalProperties: false,
  properties: { dryRun: { type: 'boolean' } },
} as const;

/**
 * POST /api/shops/:code/orders/archive (seed 002 "Archive orders", issue 8 item 7), the CLI's
 * twin: the archived orders and those Shopify refused, with its user errors verbatim.
 */
export function registerArchiveRoutes(app: FastifyInstance, api: ApiDependencies): void {
  app.post<{ Params: { code: string }; Body: { dryRun?: boolean } | undefined }>(
    '/api/shops/:code/orders/archive',
    { config: { permission: 'sync.run' }, schema: { body: archiveBody } },
    async (request) =>
      archiveOrders({ db: api.store.db, secretKey: api.secretKey, logger: api.logger }, request.params.code, {
        actor: actorOf(request),
        dryRun: request.body?.dryRun,
      }),
  );
}
