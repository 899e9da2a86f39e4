import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf, recordAudit, redacted, type Actor } from '../access/index.ts';
import { readRuntimeConfig } from '../config/env.ts';
import type { Store } from '../db/index.ts';
import { ValidationError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { addShop } from './add-shop.ts';
import { followAutoSyncWithWebhooks } from './follow-auto-sync.ts';
import { listShops } from './list-shops.ts';
import { changeShopSettings } from './set-shop-setting.ts';
import { assignmentsFromJson } from './setting-changes.ts';
import { shopForm } from './shop-form.ts';
import { showShop } from './show-shop.ts';

const configure = { permission: 'shop.configure' } as const;
const text = { type: 'string', minLength: 1 } as const;

/**
 * The web UI's shop card (issue 9): list, show as a form (groups, labels, help, types; secrets
 * only as "(set)"/"(not set)"), change settings with the same model as `shop set`, add a shop.
 * A change that does not validate is answered 422 naming every bad field, and nothing is saved.
 * A change of auto sync also answers what became of the webhook subscriptions (`webhooks`).
 */
export function registerShopSettingsRoutes(
  app: FastifyInstance,
  deps: { store: Store; secretKey: Buffer; logger?: Logger | undefined },
): void {
  const shopDeps = { db: deps.store.db, secretKey: deps.secretKey };

  app.get('/api/shops', async () => ({ shops: await listShops(shopDeps) }));

  app.get<{ Params: { code: string } }>('/api/shops/:code', async (request) =>
    shopForm(await showShop(shopDeps, request.params.code)),
  );

  app.patch<{ Params: { code: string }; Body: { changes: Record<string, unknown> } }>(
    '/api/shops/:code/settings',
    {
      config: configure,
      schema: {
        body: {
          type: 'object',
          required: ['changes'],
          additionalProperties: false,
          properties: { changes: { type: 'object' } },
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const audit = auditOf(deps.store, actorOf(request), code, `shop ${code} settings`, request.body);
      try {
        const saved = await changeShopSettings(shopDeps, code, assignmentsFromJson(request.body.changes));
        await audit('succeeded');
        // Auto sync switched: Shopify's subscriptions follow at once (follow-auto-sync.ts).
        const webhooks = await followAutoSyncWithWebhooks(
          { ...shopDeps, logger: deps.logger },
          code,
          saved.changed,
          readRuntimeConfig().STOREBRIDGE_PUBLIC_URL,
        );
        return { shop: shopForm(saved.shop), changed: saved.changed, ...(webhooks && { webhooks }) };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        await audit('refused');
        return unprocessable(reply, error);
      }
    },
  );

  app.post<{ Body: NewShopBody }>(
    '/api/shops',
    {
      config: configure,
      schema: {
        body: {
          type: 'object',
          required: ['code', 'shopifyDomain'],
          additionalProperties: false,
          properties: {
            code: text,
            shopifyDomain: text,
            endpoint: text,
            clientId: text,
            clientSecret: text,
            accessToken: text,
          },
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const audit = auditOf(deps.store, actorOf(request), body.code, `shop ${body.code}`, body);
      try {
        const view = await addShop(shopDeps, newShopInput(body));
        await audit('succeeded');
        return reply.code(201).send(shopForm(view));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        await audit('refused');
        return unprocessable(reply, error);
      }
    },
  );
}

interface NewShopBody {
  code: string;
  shopifyDomain: string;
  endpoint?: string;
  clientId?: string;
  clientSecret?: string;
  accessToken?: string;
}

function newShopInput(body: NewShopBody) {
  const { code, shopifyDomain, endpoint, clientId, clientSecret, accessToken } = body;
  const credentials = Object.fromEntries(
    Object.entries({ accessToken, clientId, clientSecret }).filter(([, value]) => value !== undefined),
  );
  return { code, shopifyDomain, credentials, ...(endpoint !== undefined && { endpoint }) };
}

/** The audit entry of a shop change: who, which shop, the request without its secrets. */
function auditOf(store: Store, actor: Actor, shopCode: string, target: string, body: unknown) {
  return (outcome: 'succeeded' | 'refused') =>
    recordAudit(store.db, {
      actor,
      action: 'shop.configure',
      shopCode,
      target,
      request: redacted(body),
      outcome,
    });
}

/** 422: the request was understood, but the settings it makes are not valid (each bad field named). */
function unprocessable(reply: FastifyReply, error: ValidationError) {
  return reply.code(422).send({ error: { code: error.code, message: error.message, issues: error.issues } });
}
