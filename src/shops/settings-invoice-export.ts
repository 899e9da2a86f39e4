import { z } from 'zod';

/**
 * Shopify's payment terms templates are GIDs (`gid://shopify/PaymentTermsTemplate/<n>`): the
 * shop's "Due on receipt", "Net 30", ... as its `paymentTermsTemplates` query lists them.
 */
const paymentTermsTemplateId = z
  .string()
  .trim()
  .regex(
    /^gid:\/\/shopify\/PaymentTermsTemplate\/[0-9]+$/,
    'must be a payment terms template GID such as gid://shopify/PaymentTermsTemplate/1',
  );

/**
 * seed 002 "Export posted sales invoices to Shopify": on the shop card, the "Posted Invoice Sync"
 * toggle and the "Payment Terms Mapping" the export needs. docs/invoice-export.md.
 */
export const invoiceExportGroup = z.strictObject({
  /**
   * Posted sales invoices made in the back office (not from a Shopify order) are exported to this
   * shop as completed, fulfilled orders, so that buyers see all their invoices in Shopify (seed
   * 002 "Posted Invoice Sync"). Default false.
   */
  enabled: z.boolean().default(false),
  /**
   * The payment terms an exported invoice that is not fully paid gets in Shopify, so that its
   * order is created with payment pending rather than paid (seed 002 "Payment Terms Mapping").
   * Without it, only fully paid invoices are exported; the others are excluded with that reason.
   * Default: unset.
   */
  paymentTermsTemplateId: paymentTermsTemplateId.optional(),
});

export const invoiceExportSettings = {
  /** Export of posted back-office sales invoices to Shopify. Default: disabled, no payment terms. */
  invoiceExport: invoiceExportGroup.default({ enabled: false }),
};
