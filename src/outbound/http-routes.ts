import type { RegisterApiRoutes } from '../http/api/api-routes.ts';
import { registerInvoiceExportRoutes } from './invoice-export/index.ts';

/** Every outbound part's /api/ routes; capability-routes.ts lists this one entry. */
export const registerOutboundRoutes: RegisterApiRoutes = async (app, deps) => {
  registerInvoiceExportRoutes(app, deps);
};
