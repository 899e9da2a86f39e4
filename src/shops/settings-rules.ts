import type { ValidationIssue } from '../shared/errors.ts';
import type { ShopSettingsFields } from './settings.ts';

/**
 * Rules between settings, as data: each names the field to fix and says why. They run after
 * every field has parsed, on add and on every `shop set`, so a shop can never be saved in a
 * state the importers would have to second-guess.
 */
export interface SettingsRule {
  readonly path: string;
  readonly message: string;
  readonly broken: (settings: ShopSettingsFields) => boolean;
}

const autoCreditMemo = (s: ShopSettingsFields) => s.returnsAndRefundsMode === 'auto_create_credit_memo';

export const settingsRules: readonly SettingsRule[] = [
  // Shopify authenticates an app by an Admin API token, or by client id + secret.
  {
    path: 'credentials',
    message: 'needs an accessToken, or a clientId and clientSecret',
    broken: ({ credentials: c }) =>
      c.accessToken === undefined && c.clientId === undefined && c.clientSecret === undefined,
  },
  {
    path: 'credentials.clientSecret',
    message: 'is required with credentials.clientId',
    broken: ({ credentials: c }) => c.clientId !== undefined && c.clientSecret === undefined,
  },
  {
    path: 'credentials.clientId',
    message: 'is required with credentials.clientSecret',
    broken: ({ credentials: c }) => c.clientSecret !== undefined && c.clientId === undefined,
  },
  // seed 002: "If your online shop uses the same currency as [the back office], leave the field empty."
  {
    path: 'shopCurrency',
    message: 'must be left empty when the shop uses the local currency (localCurrency)',
    broken: (s) => s.shopCurrency !== undefined && s.shopCurrency === s.localCurrency,
  },
  // seed 002: auto-created credit memos require the "Auto Create Sales Order" toggle.
  {
    path: 'autoCreateDocuments',
    message: 'must be on when returnsAndRefundsMode is auto_create_credit_memo',
    broken: (s) => autoCreditMemo(s) && !s.autoCreateDocuments,
  },
  // seed 002: credit memos put other refunded amounts on the refund account ...
  {
    path: 'accounts.refund',
    message: 'is required when returnsAndRefundsMode is auto_create_credit_memo',
    broken: (s) => autoCreditMemo(s) && s.accounts.refund === undefined,
  },
  // ... and products that were not restocked on the non-restock account.
  {
    path: 'accounts.refundNonRestockItems',
    message: 'is required when returnsAndRefundsMode is auto_create_credit_memo',
    broken: (s) => autoCreditMemo(s) && s.accounts.refundNonRestockItems === undefined,
  },
  // seed 000: the refund's "Pay from" comes from the mandatory "Refund Pay from account".
  {
    path: 'accounts.refundPayFrom',
    message: 'is required when customer refunds are created (createCustomerRefunds)',
    broken: (s) => s.createCustomerRefunds && s.accounts.refundPayFrom === undefined,
  },
  // A customer refund is made from an imported Shopify refund; with "none" none are imported.
  {
    path: 'createCustomerRefunds',
    message: 'needs refunds imported: returnsAndRefundsMode must be import_only or auto_create_credit_memo',
    broken: (s) => s.createCustomerRefunds && s.returnsAndRefundsMode === 'none',
  },
  // seed 002: "Always take the default customer", and import "None" falls back to it.
  {
    path: 'defaultCustomerNo',
    message: 'is required when customerMappingType is default_customer',
    broken: (s) => s.customerMappingType === 'default_customer' && s.defaultCustomerNo === undefined,
  },
  {
    path: 'defaultCustomerNo',
    message: 'is required when customerImport is none',
    broken: (s) => s.customerImport === 'none' && s.defaultCustomerNo === undefined,
  },
  // seed 002: B2B orders follow the same flow with the company fields.
  {
    path: 'defaultCompanyNo',
    message: 'is required when companyMappingType is default_company',
    broken: (s) => s.companyMappingType === 'default_company' && s.defaultCompanyNo === undefined,
  },
  {
    path: 'defaultCompanyNo',
    message: 'is required when companyImport is none',
    broken: (s) => s.companyImport === 'none' && s.defaultCompanyNo === undefined,
  },
  // Lines without a Shopify location go to the default mapping: there can only be one.
  {
    path: 'locationMappings',
    message: 'may mark at most one location as isDefault',
    broken: (s) => s.locationMappings.filter((mapping) => mapping.isDefault).length > 1,
  },
];

/** The broken rules, one issue per field (the first rule listed for it), in table order. */
export function brokenRules(settings: ShopSettingsFields): ValidationIssue[] {
  const issues = settingsRules.filter((rule) => rule.broken(settings));
  const seen = new Set<string>();
  return issues
    .map(({ path, message }) => ({ path, message }))
    .filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
}
