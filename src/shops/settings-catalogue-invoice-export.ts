import type { CatalogueEntry } from './settings-catalogue-types.ts';

/** The shop card's "Invoice export" section: label, help and master data of each setting. */
export const invoiceExportCatalogue: Record<string, CatalogueEntry> = {
  'invoiceExport.enabled': {
    group: 'invoiceExport',
    label: 'Export posted invoices',
    help: 'Posted sales invoices made in the back office (not from a Shopify order) are exported to this shop as completed, fulfilled orders, so that buyers see all their invoices in Shopify. Default false.',
  },
  'invoiceExport.paymentTermsTemplateId': {
    group: 'invoiceExport',
    label: 'Payment terms template',
    help: 'The payment terms an exported invoice that is not fully paid gets in Shopify, so that its order is created with payment pending rather than paid. Without it, only fully paid invoices are exported; the others are excluded with that reason. Default: unset.',
  },
};
