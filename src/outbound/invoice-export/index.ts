/**
 * Posted back-office sales invoices -> Shopify orders (seed 002 "Export posted sales invoices to
 * Shopify", issue 8 item 6; docs/invoice-export.md). Back-office invoices themselves are made in
 * src/books/invoices.
 */
export { exportInvoices, type ExportInvoicesDeps, type InvoiceExportResult } from './export-invoices.ts';
export { resetInvoiceExport } from './reset-invoice-export.ts';
export { listInvoiceExports, type InvoiceExportRow } from './list-invoice-exports.ts';
export { registerInvoiceExportRoutes } from './http-routes.ts';
