import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from '../http/api/api-routes.ts';
import { registerArchiveRoutes } from './archive/index.ts';
import { registerInvoiceExportRoutes } from './invoice-export/index.ts';
import { registerRefundActionRoutes } from './refunds/http-routes.ts';
import { registerShipmentRoutes } from './shipments/index.ts';

/** Every outbound part's /api/ routes, one line each. */
export function registerOutboundRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  registerRefundActionRoutes(app, deps);
  registerShipmentRoutes(app, deps);
  registerInvoiceExportRoutes(app, deps);
  registerArchiveRoutes(app, deps);
}
