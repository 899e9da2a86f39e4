import { registerAccessRoutes } from '../../access/index.ts';
import { registerBooksRoutes } from '../../books/index.ts';
import { registerJobsRoutes } from '../../jobs/index.ts';
import { registerMasterDataRoutes } from '../../masterdata/index.ts';
import { registerOutboundRoutes } from '../../outbound/index.ts';
import { registerShopRoutes } from '../../shops/index.ts';
import { registerSyncRoutes, registerWebhookRoutes } from '../../sync/index.ts';
import type { RegisterApiRoutes } from './api-routes.ts';

/**
 * Every capability's /api/ routes, in registration order. A capability exports one
 * `register<Name>Routes(app, deps)` from its `http-routes.ts` (through its index.ts) and is listed here.
 */
export const capabilityRoutes: readonly RegisterApiRoutes[] = [
  registerSyncRoutes,
  registerBooksRoutes,
  registerShopRoutes,
  registerWebhookRoutes,
  registerAccessRoutes,
  registerOutboundRoutes,
  registerMasterDataRoutes,
  registerJobsRoutes,
];
