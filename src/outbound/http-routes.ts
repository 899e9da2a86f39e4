import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from '../http/api/api-routes.ts';
import { registerRefundActionRoutes } from './refunds/http-routes.ts';

/** Every outbound part's /api/ routes, one line each. */
export function registerOutboundRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  registerRefundActionRoutes(app, deps);
}
