import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../access/index.ts';
import { documentJson, postBackOfficeInvoice } from '../../books/index.ts';
import { formatMoney } from '../../money/index.ts';
import type { ExportState } from '../../rules/invoice-export.ts';
import type { ApiDependencies } from '../../http/api/api-routes.ts';
import { exportInvoices } from './export-invoices.ts';
import { listInvoiceExports } from './list-invoice-exports.ts';
import { resetInvoiceExport } from './reset-invoice-export.ts';

/**
 * The JSON twins of `storebridge invoices ...` (docs/invoice-export.md):
 * - POST /api/invoices: post a back-office sales invoice (the body is the invoice file) -> 201;
 * - GET /api/shops/:code/invoices[?state=]: back-office invoices and their export state;
 * - POST /api/shops/:code/invoices/export: export what qualifies -> { results };
 * - POST /api/invoices/:no/reset-export: a failed (-1) or excluded (-2) invoice back to 0.
 */
export function registerInvoiceExportRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  const context = { db: deps.store.db, secretKey: deps.secretKey };
  app.post('/api/invoices', { config: { permission: 'invoices.export' } }, async (request, reply) => {
    const posted = await postBackOfficeInvoice(context, actorOf(request), request.body);
    return reply.code(201).send({
      document: documentJson(posted.document),
      remainingAmount: formatMoney(posted.remainingAmount),
    });
  });
  app.get<{ Params: { code: string }; Querystring: { state?: ExportState } }>(
    '/api/shops/:code/invoices',
    { config: { permission: 'read' } },
    async (request) => ({
      invoices: await listInvoiceExports(context.db, request.params.code, request.query.state),
    }),
  );
  app.post<{ Params: { code: string } }>(
    '/api/shops/:code/invoices/export',
    { config: { permission: 'invoices.export' } },
    async (request) => ({
      results: await exportInvoices(context, actorOf(request), { shopCode: request.params.code }),
    }),
  );
  app.post<{ Params: { no: string } }>(
    '/api/invoices/:no/reset-export',
    { config: { permission: 'invoices.export' } },
    async (request) => resetInvoiceExport(context, actorOf(request), { documentNo: request.params.no }),
  );
}
