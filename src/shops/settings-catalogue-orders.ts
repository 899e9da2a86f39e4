import type { CatalogueEntry } from './settings-catalogue-types.ts';

/** The shop card's "Orders" section: label, help and master data of each setting. */
export const ordersCatalogue: Record<string, CatalogueEntry> = {
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
};
