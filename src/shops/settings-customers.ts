import { z } from 'zod';
import { backOfficeCode, countryCode, listUniqueBy } from './settings-fields.ts';

/** Whether Shopify customers/companies are imported: never, with their orders, or all of them. */
const importMode = z.enum(['none', 'with_order', 'all']);

/** Customer template for orders shipped to one country (seed 002 "Customer Template per Country"). */
export const customerTemplateSettings = z.strictObject({
  /** Ship-to country, ISO 3166-1 alpha-2. Required. */
  countryCode,
  /** Template new customers from this country are created from. Required. */
  templateCode: backOfficeCode,
  /** When set, every order to this country uses this customer, whatever the mapping (seed 002 step 1). Default: unset. */
  defaultCustomerNo: backOfficeCode.optional(),
});

/** Items and customers an order names, and how they map to the back office. */
export const customerSettings = {
  /** Create items for products that are not mapped yet, instead of stopping the import. Default false. */
  autoCreateUnknownItems: z.boolean().default(false),
  /** Create customers that cannot be mapped, from the matching template. Default false. */
  autoCreateUnknownCustomers: z.boolean().default(false),
  /** Import Shopify customers: "none", "with_order" or "all" (seed 002). Default "with_order". */
  customerImport: importMode.default('with_order'),
  /**
   * How an order finds its customer (seed 002): "default_customer" always uses defaultCustomerNo;
   * "by_email_phone" matches by id, then email, then phone; "by_bill_to_info" by id, then
   * bill-to address. Default "by_email_phone".
   */
  customerMappingType: z
    .enum(['default_customer', 'by_email_phone', 'by_bill_to_info'])
    .default('by_email_phone'),
  /** Customer for orders that are not mapped to a customer of their own (POS, seed 002). Default: unset. */
  defaultCustomerNo: backOfficeCode.optional(),
  /** Template new customers are created from when no country template applies. Default: unset. */
  customerTemplateCode: backOfficeCode.optional(),
  /** Per-country templates and default customers, one per country. Default: []. */
  customerTemplates: listUniqueBy(customerTemplateSettings, 'countryCode').default([]),
  /** Import Shopify B2B companies: "none", "with_order" or "all". Default "with_order". */
  companyImport: importMode.default('with_order'),
  /**
   * How a B2B order finds its company customer: "default_company", "by_email_phone", or
   * "by_tax_id". Default "by_email_phone".
   */
  companyMappingType: z.enum(['default_company', 'by_email_phone', 'by_tax_id']).default('by_email_phone'),
  /** Customer no. for B2B orders not mapped to a company of their own. Default: unset. */
  defaultCompanyNo: backOfficeCode.optional(),
  /** Template new company customers are created from; B2B has no per-country templates (seed 002). Default: unset. */
  companyTemplateCode: backOfficeCode.optional(),
};
