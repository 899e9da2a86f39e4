import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from '../http/api/api-routes.ts';
import { registerShipmentRoutes } from './shipments/index.ts';

/** Every outbound part's /api/ routes. */
export function registerOutboundRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  registerShipmentRoutes(app, deps);
}
