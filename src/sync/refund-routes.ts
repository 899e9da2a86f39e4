import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../shared/errors.ts';
import { listImportedRefunds } from './list-refunds.ts';
import type { SyncDeps } from './ports.ts';
import { processRefunds } from './process-refunds.ts';
import { refundStatuses, type RefundStatus } from './refund-repository.ts';
import { resolveOrderId } from './resolve-order.ts';

type ShopParams = { Params: { code: string } };

/**
 * The JSON equivalents of `refunds` and `refunds process` under /api/shops/:code/refunds
 * (`?order=` takes an id, GID or name; `?status=` one of the statuses).
 */
export function registerRefundRoutes(app: FastifyInstance, sync: SyncDeps): void {
  app.get<ShopParams & { Querystring: { order?: string; status?: string } }>(
    '/api/shops/:code/refunds',
    async (request) => {
      const { code } = request.params;
      const { order, status } = request.query;
      if (status !== undefined && !refundStatuses.includes(status as RefundStatus))
        throw new ValidationError(`status: "${status}" is not one of ${refundStatuses.join(', ')}`);
      const shopifyOrderId = order === undefined ? undefined : await resolveOrderId(sync.db, code, order);
      return {
        refunds: await listImportedRefunds(sync, code, { shopifyOrderId, status: status as RefundStatus }),
      };
    },
  );

  app.post<ShopParams & { Body: { refunds?: string[] } | undefined }>(
    '/api/shops/:code/refunds/process',
    {
      config: { permission: 'sync.run' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            refunds: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[0-9]+$' } },
          },
        },
      },
    },
    async (request) => ({
      refunds: await processRefunds(sync, request.params.code, { shopifyRefundIds: request.body?.refunds }),
    }),
  );
}
