import type { CatalogueEntry } from './settings-catalogue-types.ts';

/** The shop card's "Customers and items" section: label, help and master data of each setting. */
export const customersCatalogue: Record<string, CatalogueEntry> = {
  autoCreateUnknownItems: {
    group: 'customers',
    label: 'Auto create unknown items',
    help: 'Create items for products that are not mapped yet, instead of stopping the import. Default false.',
  },
  autoCreateUnknownCustomers: {
    group: 'customers',
    label: 'Auto create unknown customers',
    help: 'Create customers that cannot be mapped, from the matching template. Default false.',
  },
  customerImport: {
    group: 'customers',
    label: 'Customer import',
    help: 'Import Shopify customers: "none", "with_order" or "all". Default "with_order".',
  },
  customerMappingType: {
    group: 'customers',
    label: 'Customer mapping',
    help: 'How an order finds its customer: "default_customer" always uses defaultCustomerNo; "by_email_phone" matches by id, then email, then phone; "by_bill_to_info" by id, then bill-to address. Default "by_email_phone".',
  },
  defaultCustomerNo: {
    group: 'customers',
    label: 'Default customer',
    help: 'Customer for orders that are not mapped to a customer of their own (POS). Default: unset.',
    reference: 'customer',
  },
  customerTemplateCode: {
    group: 'customers',
    label: 'Customer template',
    help: 'Template new customers are created from when no country template applies. Default: unset.',
  },
  customerTemplates: {
    group: 'customers',
    label: 'Customer templates per country',
    help: 'Per-country templates and default customers, one per country. Default: [].',
    columns: {
      countryCode: { label: 'Country', help: 'Ship-to country, ISO 3166-1 alpha-2. Required.' },
      templateCode: {
        label: 'Template',
        help: 'Template new customers from this country are created from. Required.',
      },
      defaultCustomerNo: {
        label: 'Default customer',
        help: 'When set, every order to this country uses this customer, whatever the mapping. Default: unset.',
        reference: 'customer',
      },
    },
  },
  companyImport: {
    group: 'customers',
    label: 'Company import',
    help: 'Import Shopify B2B companies: "none", "with_order" or "all". Default "with_order".',
  },
  companyMappingType: {
    group: 'customers',
    label: 'Company mapping',
    help: 'How a B2B order finds its company customer: "default_company", "by_email_phone", or "by_tax_id". Default "by_email_phone".',
  },
  defaultCompanyNo: {
    group: 'customers',
    label: 'Default company customer',
    help: 'Customer no. for B2B orders not mapped to a company of their own. Default: unset.',
    reference: 'customer',
  },
  companyTemplateCode: {
    group: 'customers',
    label: 'Company customer template',
    help: 'Template new company customers are created from; B2B has no per-country templates. Default: unset.',
  },
};
