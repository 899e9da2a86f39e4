/**
 * What the web UI shows for each shop setting (issue 9): its group, label and help text, and the
 * master data it names. The help texts are the settings' doc comments (settings-*.ts) without
 * the seed citations; settings-catalogue.test.ts checks that every setting has an entry and
 * every entry is a setting. Types, choices and defaults come from the model itself (shop-form.ts).
 */

/** The shop card's sections, in the order of the settings files (settings.ts). */
export const settingGroups = [
  {
    id: 'connection',
    title: 'Connection',
    help: 'Which shop this is and how storebridge reaches its Admin API.',
  },
  { id: 'orders', title: 'Orders', help: 'When and how orders come in, and which documents they become.' },
  {
    id: 'returns',
    title: 'Returns and refunds',
    help: 'How Shopify refunds and returns reach the books, and the G/L accounts amounts without an item are posted to.',
  },
  {
    id: 'customers',
    title: 'Customers and items',
    help: 'Items and customers an order names, and how they map to the back office.',
  },
  {
    id: 'mappings',
    title: 'Mappings',
    help: 'Shopify shipping methods and locations mapped to shipment methods, charges and back-office locations.',
  },
  {
    id: 'invoiceExport',
    title: 'Invoice export',
    help: 'Export of posted back-office sales invoices to Shopify as completed orders.',
  },
] as const;

export type SettingGroupId = (typeof settingGroups)[number]['id'];

/** Master data a setting names, as GET /api/master-data/:kind offers it. */
export type SettingReferenceKind = 'location' | 'gl_account' | 'customer' | 'item' | 'shipping_agent';

export interface CatalogueColumn {
  label: string;
  help: string;
  reference?: SettingReferenceKind;
}

export interface CatalogueEntry extends CatalogueColumn {
  group: SettingGroupId;
  /** For a list of objects (mappings): each object's fields. */
  columns?: Record<string, CatalogueColumn>;
}

/** One entry per setting, by the dotted key `shop set` takes, in the model's order. */
export const settingsCatalogue: Record<string, CatalogueEntry> = {
  code: {
    group: 'connection',
    label: 'Code',
    help: "The shop's code in storebridge, 1-20 of [A-Za-z0-9_-]; fixed once added. Required, no default.",
  },
  name: {
    group: 'connection',
    label: 'Name',
    help: 'A name people recognise ("EU web store"). Default: the code.',
  },
  shopifyDomain: {
    group: 'connection',
    label: 'Shopify domain',
    help: "The shop's permanent `<name>.myshopify.com` domain (not a custom domain); fixed once added. Required.",
  },
  endpoint: {
    group: 'connection',
    label: 'Endpoint (emulator)',
    help: 'Base URL that replaces `https://<shopifyDomain>`, for the local emulator. Default: unset.',
  },
  'credentials.accessToken': {
    group: 'connection',
    label: 'Admin API access token',
    help: 'Admin API access token (`shpat_…`). Default: unset.',
  },
  'credentials.clientId': {
    group: 'connection',
    label: 'Client id',
    help: "The app's client id (not a secret). Default: unset.",
  },
  'credentials.clientSecret': {
    group: 'connection',
    label: 'Client secret',
    help: "The app's client secret. Default: unset.",
  },
  apiVersion: {
    group: 'connection',
    label: 'Admin API version',
    help: 'Admin API version, YYYY-MM; Shopify releases one a quarter. Default "2025-01".',
  },
  webhookSecret: {
    group: 'connection',
    label: 'Webhook secret',
    help: 'Secret that signs webhooks (X-Shopify-Hmac-Sha256). Default: unset, in which case webhooks are verified with credentials.clientSecret, which is what Shopify signs with for an app.',
  },
  shopCurrency: {
    group: 'connection',
    label: 'Shop currency',
    help: 'The shop\'s store currency (Shopify "Store details"), ISO 4217. Default: unset, meaning the same as localCurrency. Leave it empty when the shop sells in the local currency.',
  },
  localCurrency: {
    group: 'connection',
    label: 'Local currency',
    help: 'The back office\'s own (local) currency, ISO 4217. Default "USD".',
  },
  timeZone: {
    group: 'connection',
    label: 'Time zone',
    help: 'IANA time zone used to turn Shopify\'s UTC timestamps into document dates. Default "UTC".',
  },
  notificationEmail: {
    group: 'connection',
    label: 'Notification email',
    help: 'Where a refund or order that fails to import is emailed, once per error, while it waits for the next sync. Needs STOREBRIDGE_SMTP_URL. Default: unset, and nothing is emailed.',
  },
  'orderFilters.tags': {
    group: 'orders',
    label: 'Tag filters',
    help: 'Tag filters; an order passes when its tags match at least one. Each is matched against the order\'s tags joined as Shopify shows them ("vip, wholesale"): `*` matches any text, a leading `@` makes the match case-insensitive, a leading `<>` negates it. So `@*vip*` takes any order with a tag containing "vip" in any case; plain `vip` only an order tagged exactly and only "vip". Default: [] (no tag filter).',
  },
  'orderFilters.channel': {
    group: 'orders',
    label: 'Sales channel filter',
    help: 'Sales channel filter with the same syntax: "Point of Sale" takes POS orders only, "<>Point of Sale" everything else. Default: unset (all channels).',
  },
  'orderFilters.financialStatuses': {
    group: 'orders',
    label: 'Financial statuses',
    help: 'Financial statuses to import, e.g. ["paid"] for fully paid orders only. Default: [] (all).',
  },
  'orderFilters.fulfillmentStatuses': {
    group: 'orders',
    label: 'Fulfillment statuses',
    help: 'Fulfillment statuses to import. Default: [] (all).',
  },
  'orderFilters.riskLevels': {
    group: 'orders',
    label: 'Risk levels',
    help: 'Risk levels to import, e.g. ["low"]. Default: [] (all).',
  },
  integrationDate: {
    group: 'orders',
    label: 'Integration date',
    help: 'Orders created before this date (YYYY-MM-DD, in timeZone) are never imported. Default: unset (every order not archived).',
  },
  syncFrequencyMinutes: {
    group: 'orders',
    label: 'Sync frequency (minutes)',
    help: 'Minutes between polling syncs, 1-1440. Default 15.',
  },
  autoSyncOrders: {
    group: 'orders',
    label: 'Auto sync orders',
    help: "Import an order as soon as Shopify's orders/create webhook arrives. Default false.",
  },
  autoCreateDocuments: {
    group: 'orders',
    label: 'Auto create documents',
    help: 'Create the back-office document right after an order is imported. Default false.',
  },
  fulfilledOrderDocument: {
    group: 'orders',
    label: 'Document for fulfilled orders',
    help: 'Document for an order Shopify has already fulfilled: a sales invoice, or a cash sale. Unfulfilled orders always become sales orders. Default "sales_invoice".',
  },
  stockCountedAt: {
    group: 'orders',
    label: 'Stock counted at',
    help: "When the books' stock was counted from Shopify's on-hand levels (ISO date-time; the demo's opening stock sets it). Goods Shopify shipped before then are already out of that count, so the invoices of those shipments do not take them out again. Default: unset (every sales invoice and cash sale moves stock).",
  },
  autoReleaseSalesOrders: {
    group: 'orders',
    label: 'Auto release sales orders',
    help: 'Release sales orders when they are created. Default false.',
  },
  writeDocumentNoAsAttribute: {
    group: 'orders',
    label: 'Write document no. to the order',
    help: 'Write the document number back to the Shopify order as an attribute. Off by default because it modifies the order, which then comes back in the next sync. Default false.',
  },
  archiveProcessedOrders: {
    group: 'orders',
    label: 'Archive processed orders',
    help: 'After each order sync, archive (close) in Shopify and here the orders of that run that are processed, fully paid and fulfilled. Closing changes the order in Shopify, so it comes back once in the next sync. Default false.',
  },
  shopifyOrderNoOnDocumentLine: {
    group: 'orders',
    label: 'Shopify order no. on a document line',
    help: 'Add a comment line with the Shopify order number to each document. Default false.',
  },
  sendShippingConfirmation: {
    group: 'orders',
    label: 'Send shipping confirmation',
    help: 'Let Shopify email the customer when a shipment is synced; turn off for digital goods. Default true.',
  },
  taxAreaPriority: {
    group: 'orders',
    label: 'Tax area priority',
    help: 'Address sources tried in order for the tax area. Default ["ship_to", "sell_to", "bill_to"].',
  },
  'accounts.receivable': {
    group: 'returns',
    label: 'Receivable account',
    help: "Customers' open amounts: sales invoices and credit memos are posted against it, customer refunds clear it. Default: unset.",
    reference: 'gl_account',
  },
  'accounts.sales': {
    group: 'returns',
    label: 'Sales account',
    help: 'Revenue of item and item charge lines (a G/L account line is posted to its own account). Default: unset.',
    reference: 'gl_account',
  },
  'accounts.taxPayable': {
    group: 'returns',
    label: 'Tax payable account',
    help: 'The tax on sales documents and credit memos. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.paymentClearing': {
    group: 'returns',
    label: 'Payment clearing account',
    help: "What a cash sale was paid into (the payment gateway's clearing account, or the till). Default: unset.",
    reference: 'gl_account',
  },
  'accounts.shippingCharges': {
    group: 'returns',
    label: 'Shipping charges account',
    help: 'Shipping charges on orders, unless a shipment method mapping names its own. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.tip': {
    group: 'returns',
    label: 'Tip account',
    help: 'Tips. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.soldGiftCard': {
    group: 'returns',
    label: 'Sold gift card account',
    help: 'Gift cards sold, and refunds of them. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.refund': {
    group: 'returns',
    label: 'Refund account',
    help: 'Refunded amounts not tied to products or gift cards (shipping, manual amounts). Default: unset.',
    reference: 'gl_account',
  },
  'accounts.refundNonRestockItems': {
    group: 'returns',
    label: 'Refund account for non-restocked items',
    help: 'Refunded products that were not restocked, so no stock comes back. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.refundPayFrom': {
    group: 'returns',
    label: 'Refund pay-from account',
    help: 'The bank/cash account customer refunds are paid from. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.cashRounding': {
    group: 'returns',
    label: 'Cash rounding account',
    help: 'Differences from cash rounding on POS payments. Default: unset.',
    reference: 'gl_account',
  },
  returnsAndRefundsMode: {
    group: 'returns',
    label: 'Returns and refunds',
    help: '"none" ignores returns and refunds; "import_only" imports them for a person to credit; "auto_create_credit_memo" also creates the credit memos. Default "none".',
  },
  createCustomerRefunds: {
    group: 'returns',
    label: 'Create customer refunds',
    help: 'Create a paid customer refund, linked to the sale, for each imported refund. Default false.',
  },
  defaultReturnLocation: {
    group: 'returns',
    label: 'Default return location',
    help: 'Location restocked items return to; may stay blank. Default: unset.',
    reference: 'location',
  },
  returnLocationPriority: {
    group: 'returns',
    label: 'Return location priority',
    help: '"default_return_location" always uses defaultReturnLocation; "original_then_default" uses the location on the Shopify refund/return and falls back to it. Default "default_return_location".',
  },
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
  shipmentMethodMappings: {
    group: 'mappings',
    label: 'Shipment method mappings',
    help: 'Shipping method mappings, one per Shopify title. Default: [].',
    columns: {
      shopifyTitle: {
        label: 'Shopify shipping title',
        help: 'The shipping line title as Shopify sends it ("Standard"). Required.',
      },
      shipmentMethodCode: {
        label: 'Shipment method',
        help: 'Shipment method code for the document header. Default: unset.',
      },
      chargesType: {
        label: 'Charges type',
        help: "What the shipping charge is posted as, instead of accounts.shippingCharges: a G/L account, an item, or an item charge spread over the document's items. Default: unset.",
      },
      chargesNo: {
        label: 'Charges no.',
        help: 'The G/L account, item or item charge no. for chargesType. Default: unset.',
      },
      shippingAgentCode: {
        label: 'Shipping agent',
        help: 'Shipping agent for the document header. Default: unset.',
        reference: 'shipping_agent',
      },
      shippingAgentServiceCode: {
        label: 'Shipping agent service',
        help: 'Shipping agent service; needs shippingAgentCode. Default: unset.',
      },
    },
  },
  locationMappings: {
    group: 'mappings',
    label: 'Location mappings',
    help: 'Location mappings, one per Shopify location. Default: [].',
    columns: {
      shopifyLocationId: {
        label: 'Shopify location id',
        help: 'Shopify\'s location id, kept opaque ("gid://shopify/Location/1" or "1"). Required.',
      },
      locationCode: {
        label: 'Location',
        help: 'The back-office location stock moves in. Required; must exist.',
        reference: 'location',
      },
      isDefault: {
        label: 'Default',
        help: 'Used for lines Shopify sends without a location; at most one mapping. Default false.',
      },
    },
  },
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
