import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/index.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { Notifier } from '../notify/index.ts';
import type { Metrics } from '../runtime/metrics.ts';
import type { Logger } from '../shared/logger.ts';
import { excludeStagedOrders } from './exclude-staged-orders.ts';
import { importStagedOrders } from './import-staged-orders.ts';
import { listOrdersToImport } from './list-orders.ts';
import { previewOrders } from './preview-orders.ts';
import { registerLiveSyncRoutes } from './live-sync-routes.ts';
import { registerReconcileRoutes } from './reconcile-routes.ts';
import { registerRefundRoutes } from './refund-routes.ts';
import { reimportOrder } from './reimport-order.ts';
import { resolveOrderId } from './resolve-order.ts';
import { syncDeps } from './runtime-deps.ts';
import { showOrderPicture } from './show-order-picture.ts';
import { syncOrders } from './sync-orders.ts';
import { SyncRuns } from './sync-runs.ts';
import { unlinkOrder } from './unlink-order.ts';
import { registerWebhookStatusRoutes } from './webhook-status-routes.ts';

export interface SyncRoutesDeps {
  store: Store;
  secretKey: Buffer;
  logger: Logger;
  notifier?: Notifier | undefined;
  /** Shopify calls of API syncs are counted here (Default: not counted). */
  metrics?: Metrics | undefined;
}

type ShopParams = { Params: { code: string } };
const syncRun = { config: { permission: 'sync.run' } } as const;
type OrderParams = { Params: { code: string; order: string } };
const ordersBody = {
  type: 'object',
  required: ['orders'],
  additionalProperties: false,
  properties: {
    orders: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    createDocuments: { type: 'boolean' },
  },
} as const;

/**
 * The JSON equivalents of `sync orders`, `orders-to-import`, `import` and `orders unlink|reimport`
 * under /api/shops/:code/. Failures are thrown typed errors; the server answers them in one shape.
 * `:order` is a numeric id, a GID (URL-encoded) or a name (`%231001`).
 */
export function registerSyncRoutes(app: FastifyInstance, deps: SyncRoutesDeps): void {
  const sync = syncDeps({
    db: deps.store.db,
    secretKey: deps.secretKey,
    logger: deps.logger,
    notifier: deps.notifier,
    metrics: deps.metrics,
  });

  app.post<ShopParams & { Body: { bulk?: boolean; dryRun?: boolean } | undefined }>(
    '/api/shops/:code/sync/orders',
    {
      config: { permission: 'sync.run' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { bulk: { type: 'boolean' }, dryRun: { type: 'boolean' } },
        },
      },
    },
    async (request) => {
      const { code } = request.params;
      const bulk = request.body?.bulk;
      if (request.body?.dryRun) return { dryRun: true, orders: await previewOrders(sync, code, { bulk }) };
      return { sourceOfTruth: 'shopify', ...(await syncOrders(sync, code, { bulk })) };
    },
  );

  app.get<ShopParams>('/api/shops/:code/orders-to-import', async (request) => ({
    orders: await listOrdersToImport(sync, request.params.code),
  }));

  app.post<ShopParams & { Body: { orders: string[] } }>(
    '/api/shops/:code/orders-to-import/delete',
    { config: { permission: 'sync.run' }, schema: { body: ordersBody } },
    async (request) => {
      const ids = await resolveAll(request.params.code, request.body.orders);
      return { deleted: await excludeStagedOrders(sync, request.params.code, ids) };
    },
  );

  app.post<ShopParams & { Body: { orders: string[]; createDocuments?: boolean } }>(
    '/api/shops/:code/import',
    { config: { permission: 'sync.run' }, schema: { body: ordersBody } },
    async (request) => {
      const ids = await resolveAll(request.params.code, request.body.orders);
      const results = await importStagedOrders(sync, request.params.code, {
        shopifyOrderIds: ids,
        createDocuments: request.body.createDocuments,
      });
      return { results };
    },
  );

  app.get<OrderParams>('/api/shops/:code/orders/:order', async (request) => {
    const { code } = request.params;
    const id = await resolveOrderId(deps.store.db, code, request.params.order);
    const order = await showOrderPicture(sync, code, id);
    if (!order)
      throw new NotFoundError(`Order ${request.params.order} has not been imported in shop "${code}"`);
    return order;
  });

  app.post<OrderParams>('/api/shops/:code/orders/:order/unlink', syncRun, async (request) => {
    const { code } = request.params;
    return unlinkOrder(sync, code, await resolveOrderId(deps.store.db, code, request.params.order));
  });

  app.post<OrderParams>('/api/shops/:code/orders/:order/reimport', syncRun, async (request) => {
    const { code } = request.params;
    return reimportOrder(sync, code, await resolveOrderId(deps.store.db, code, request.params.order));
  });

  registerRefundRoutes(app, sync);
  registerReconcileRoutes(app, sync);
  registerLiveSyncRoutes(app, new SyncRuns(sync));
  registerWebhookStatusRoutes(app, deps);

  async function resolveAll(code: string, refs: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const ref of refs) ids.push(await resolveOrderId(deps.store.db, code, ref));
    return ids;
  }
}
