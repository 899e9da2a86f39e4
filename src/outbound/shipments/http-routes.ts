import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../access/index.ts';
import {
  listShipments,
  listShippingAgents,
  postShipment,
  resetShipment,
  setShippingAgent,
} from '../../books/shipments/index.ts';
import type { ApiDependencies } from '../../http/api/api-routes.ts';
import { syncShipments } from './sync-shipments.ts';

interface PostBody {
  salesOrderNo: string;
  lines?: { lineNo: number; quantity: number }[];
  all?: boolean;
  trackingNumber?: string;
  trackingUrl?: string;
  shippingAgentCode?: string;
  shippingAgentServiceCode?: string;
  postingDate?: string;
}

interface AgentBody {
  name: string;
  shopifyTrackingCompany?: string | null;
  trackingUrlTemplate?: string | null;
  services?: string[];
}

const text = { type: 'string', minLength: 1 } as const;

/**
 * The JSON twins of `storebridge shipments`, `shipments post`, `sync shipments` and
 * `shipping-agents` (docs/shipments.md):
 * GET/POST /api/shops/:code/shipments, POST /api/shops/:code/shipments/:number/reset,
 * POST /api/shops/:code/sync/shipments,
 * GET /api/shipping-agents, PUT /api/shipping-agents/:code.
 */
export function registerShipmentRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  const db = deps.store.db;
  app.get<{ Params: { code: string } }>(
    '/api/shops/:code/shipments',
    { config: { permission: 'read' } },
    async (request) => ({ shipments: await listShipments(db, { shopCode: request.params.code }) }),
  );
  app.post<{ Params: { code: string }; Body: PostBody }>(
    '/api/shops/:code/shipments',
    {
      config: { permission: 'shipments.sync' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['salesOrderNo'],
          properties: {
            salesOrderNo: text,
            lines: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['lineNo', 'quantity'],
                properties: { lineNo: { type: 'integer' }, quantity: { type: 'number' } },
              },
            },
            all: { type: 'boolean' },
            trackingNumber: { type: 'string' },
            trackingUrl: { type: 'string' },
            shippingAgentCode: text,
            shippingAgentServiceCode: text,
            postingDate: { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      const { all, lines, salesOrderNo, ...rest } = request.body;
      const shipment = await postShipment(db, actorOf(request), {
        ...rest,
        shopCode: request.params.code,
        salesOrderNo,
        lines: all === true ? 'all' : (lines ?? []),
      });
      return reply.code(201).send({ shipment });
    },
  );
  app.post<{ Params: { code: string; number: string } }>(
    '/api/shops/:code/shipments/:number/reset',
    { config: { permission: 'shipments.sync' } },
    async (request) => ({
      shipment: await resetShipment(db, actorOf(request), {
        shopCode: request.params.code,
        number: request.params.number,
      }),
    }),
  );
  app.post<{ Params: { code: string } }>(
    '/api/shops/:code/sync/shipments',
    { config: { permission: 'shipments.sync' } },
    async (request) =>
      syncShipments(
        { db, secretKey: deps.secretKey, logger: deps.logger },
        actorOf(request),
        request.params.code,
      ),
  );
  app.get('/api/shipping-agents', { config: { permission: 'read' } }, async () => ({
    shippingAgents: await listShippingAgents(db),
  }));
  app.put<{ Params: { code: string }; Body: AgentBody }>(
    '/api/shipping-agents/:code',
    {
      config: { permission: 'shop.configure' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { type: 'string' },
            shopifyTrackingCompany: { type: ['string', 'null'] },
            trackingUrlTemplate: { type: ['string', 'null'] },
            services: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    async (request) => {
      actorOf(request);
      return {
        shippingAgent: await setShippingAgent(db, {
          code: request.params.code,
          name: request.body.name,
          shopifyTrackingCompany: request.body.shopifyTrackingCompany ?? null,
          trackingUrlTemplate: request.body.trackingUrlTemplate ?? null,
          services: request.body.services ?? [],
        }),
      };
    },
  );
}
