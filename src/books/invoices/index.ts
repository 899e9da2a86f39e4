/**
 * Sales invoices made in the back office (not from a Shopify order) and their export state
 * toward Shopify (seed 002 "Export posted sales invoices to Shopify"; docs/invoice-export.md).
 */
export {
  postBackOfficeInvoice,
  type PostInvoiceDeps,
  type PostedInvoice,
} from './post-back-office-invoice.ts';
export { parseInvoiceInput, type ParsedInvoice } from './parse-invoice-input.ts';
export {
  findInvoiceExports,
  findShopifyLinkOfCustomer,
  recordDraftOrder,
  recordInvoiceExported,
  recordInvoiceNotExported,
  resetInvoiceExport,
  type InvoiceExport,
} from './invoice-exports-repository.ts';
export { linkExportedInvoices } from './link-exported-invoices.ts';
