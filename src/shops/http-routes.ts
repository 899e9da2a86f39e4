import type { FastifyInstance } from 'fastify';
import { readRuntimeConfig } from '../config/env.ts';
import type { Store } from '../db/index.ts';
import type { Logger } from '../shared/logger.ts';
import { registerShopSettingsRoutes } from './settings-routes.ts';
import { testShopConnection } from './test-connection.ts';
import { syncWebhookSubscriptions } from './sync-webhook-subscriptions.ts';

export interface ShopRoutesDeps {
  store: Store;
  secretKey: Buffer;
  logger: Logger;
}

/**
 * The JSON twin of `webhooks sync`: `POST /api/shops/:code/webhooks/sync` with an optional
 * `{ "address": "https://…" }` (else STOREBRIDGE_PUBLIC_URL, read when asked) answers the report
 * `webhooks sync --json` prints.
 */
export function registerShopRoutes(app: FastifyInstance, deps: ShopRoutesDeps): void {
  registerShopSettingsRoutes(app, deps);

  // A read of Shopify, not a change: any signed-in user may ask whether the shop answers.
  app.post<{ Params: { code: string } }>(
    '/api/shops/:code/connection-test',
    { config: { permission: 'read' } },
    async (request) =>
      testShopConnection({ db: deps.store.db, secretKey: deps.secretKey }, request.params.code),
  );
  app.post<{ Params: { code: string }; Body: { address?: string } | undefined }>(
    '/api/shops/:code/webhooks/sync',
    {
      config: { permission: 'shop.configure' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { address: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request) =>
      syncWebhookSubscriptions(
        { db: deps.store.db, secretKey: deps.secretKey, logger: deps.logger },
        request.params.code,
        { publicUrl: request.body?.address ?? readRuntimeConfig().STOREBRIDGE_PUBLIC_URL },
      ),
  );
}
