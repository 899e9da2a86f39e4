import type { FastifyInstance } from 'fastify';
import type { SyncDeps } from './ports.ts';
import { reconcileOrders, reconciliationJson } from './reconcile-orders.ts';
import { resolveOrderId } from './resolve-order.ts';

/**
 * The JSON twin of `reconcile` (issue 6 item 6): `GET /api/shops/:code/reconcile[?order=]` answers
 * `{ shopCode, summary, differences, expected }`, 200 whether or not the books differ (the
 * differences are the answer); 404 for an unknown shop or an order never imported.
 */
export function registerReconcileRoutes(app: FastifyInstance, sync: SyncDeps): void {
  app.get<{ Params: { code: string }; Querystring: { order?: string } }>(
    '/api/shops/:code/reconcile',
    async (request) => {
      const { code } = request.params;
      const { order } = request.query;
      const shopifyOrderId = order === undefined ? undefined : await resolveOrderId(sync.db, code, order);
      return reconciliationJson(await reconcileOrders(sync, code, { shopifyOrderId }));
    },
  );
}
