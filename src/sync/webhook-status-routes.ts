import type { FastifyInstance } from 'fastify';
import { readRuntimeConfig } from '../config/env.ts';
import type { Store } from '../db/index.ts';
import { webhookSubscriptionStatus } from '../shops/index.ts';
import { webhookReceiptSummary } from './webhook-receipt-summary.ts';

/**
 * The web UI's webhook page: `GET /api/shops/:code/webhooks[?address=https://…]` answers the
 * shop's subscriptions in Shopify against the wanted set, at the address (Default:
 * STOREBRIDGE_PUBLIC_URL), and what our receiver took per topic.
 */
export function registerWebhookStatusRoutes(
  app: FastifyInstance,
  deps: { store: Store; secretKey: Buffer },
): void {
  app.get<{ Params: { code: string }; Querystring: { address?: string } }>(
    '/api/shops/:code/webhooks',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { address: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request) => {
      const { code } = request.params;
      const publicUrl = request.query.address ?? readRuntimeConfig().STOREBRIDGE_PUBLIC_URL;
      const status = await webhookSubscriptionStatus(
        { db: deps.store.db, secretKey: deps.secretKey },
        code,
        publicUrl,
      );
      return { ...status, received: await webhookReceiptSummary(deps.store.db, code) };
    },
  );
}
