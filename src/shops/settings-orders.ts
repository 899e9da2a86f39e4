import { z } from 'zod';
import { uniqueList } from './settings-fields.ts';

/** Shopify's order financial statuses (GraphQL `OrderDisplayFinancialStatus`, lower case). */
export const financialStatuses = [
  'authorized',
  'expired',
  'paid',
  'partially_paid',
  'partially_refunded',
  'pending',
  'refunded',
  'voided',
] as const;

/** Shopify's order fulfillment statuses (GraphQL `OrderDisplayFulfillmentStatus`, lower case). */
export const fulfillmentStatuses = [
  'fulfilled',
  'in_progress',
  'on_hold',
  'open',
  'partially_fulfilled',
  'pending_fulfillment',
  'request_declined',
  'restocked',
  'scheduled',
  'unfulfilled',
] as const;

export const riskLevels = ['low', 'medium', 'high'] as const;

/** Address whose tax area a document takes, tried in order (seed 002, "Tax area priority"). */
export const taxAreaSources = ['ship_to', 'sell_to', 'bill_to'] as const;

/** Text filter syntax, shared by tags and channel; order-filters.ts implements it. */
const textFilter = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/**
 * Which staged orders are imported (seed 002, "Sync Orders From Shopify" filters). An empty
 * filter lets every order through, as in the seed: "If you don't specify filters, it processes
 * all records." Filters narrow one another: an order is imported when it passes all of them.
 */
export const orderFilterSettings = z.strictObject({
  /**
   * Tag filters; an order passes when its tags match at least one. Each is matched against the
   * order's tags joined as Shopify shows them ("vip, wholesale"): `*` matches any text, a leading
   * `@` makes the match case-insensitive, a leading `<>` negates it. So `@*vip*` takes any order
   * with a tag containing "vip" in any case (seed 002); plain `vip` only an order tagged exactly
   * and only "vip". Default: [] (no tag filter).
   */
  tags: z.array(textFilter).default([]),
  /**
   * Sales channel filter with the same syntax: "Point of Sale" takes POS orders only,
   * "<>Point of Sale" everything else (seed 002, one shop per channel). Default: unset (all channels).
   */
  channel: textFilter.optional(),
  /** Financial statuses to import, e.g. ["paid"] for fully paid orders only. Default: [] (all). */
  financialStatuses: uniqueList(z.enum(financialStatuses)).default([]),
  /** Fulfillment statuses to import. Default: [] (all). */
  fulfillmentStatuses: uniqueList(z.enum(fulfillmentStatuses)).default([]),
  /** Risk levels to import, e.g. ["low"] (seed 002: "the ones with a low risk level"). Default: [] (all). */
  riskLevels: uniqueList(z.enum(riskLevels)).default([]),
});

/** When and how orders come in, and which documents they become. */
export const orderSettings = {
  /**
   * Orders created before this date (YYYY-MM-DD, in timeZone) are never imported (seed 004 3.1:
   * "Orders prior to this date are excluded"). Default: unset (every order not archived).
   */
  integrationDate: z.iso.date('must be a date YYYY-MM-DD').optional(),
  /** Minutes between polling syncs, 1-1440 (seed 004 3.2 "Sync Frequency"). Default 15. */
  syncFrequencyMinutes: z.number().int('must be a whole number').min(1).max(1440).default(15),
  /** Import an order as soon as Shopify's orders/create webhook arrives (seed 002 "Auto Sync Orders"). Default false. */
  autoSyncOrders: z.boolean().default(false),
  /** Which orders are imported. Default: every filter empty. */
  orderFilters: orderFilterSettings.default({
    tags: [],
    financialStatuses: [],
    fulfillmentStatuses: [],
    riskLevels: [],
  }),
  /** Create the back-office document right after an order is imported (seed 002 "Auto Create Orders"). Default false. */
  autoCreateDocuments: z.boolean().default(false),
  /**
   * Document for an order Shopify has already fulfilled: a sales invoice (seed 002), or a cash
   * sale (seed 000, which imports orders as cash sales). Unfulfilled orders always become sales
   * orders. Default "sales_invoice".
   */
  fulfilledOrderDocument: z.enum(['sales_invoice', 'cash_sale']).default('sales_invoice'),
  /**
   * When the books' stock was counted from Shopify's on-hand levels (ISO date-time; the demo's
   * opening stock sets it). Goods Shopify shipped before then are already out of that count, so
   * the invoices of those shipments do not take them out again. Default: unset (every sales
   * invoice and cash sale moves stock).
   */
  stockCountedAt: z.iso
    .datetime({ offset: true, error: 'must be a date-time like 2026-11-22T08:00:00Z' })
    .optional(),
  /** Release sales orders when they are created (seed 002 "Auto Release Sales Order"). Default false. */
  autoReleaseSalesOrders: z.boolean().default(false),
  /**
   * Write the document number back to the Shopify order as an attribute (seed 002). Off by default
   * because it modifies the order, which then comes back in the next sync. Default false.
   */
  writeDocumentNoAsAttribute: z.boolean().default(false),
  /**
   * After each order sync, archive (close) in Shopify and here the orders of that run that are
   * processed, fully paid and fulfilled (seed 002 "Archive orders"; rules/order-archiving.ts).
   * Closing changes the order in Shopify, so it comes back once in the next sync. Default false.
   */
  archiveProcessedOrders: z.boolean().default(false),
  /** Add a comment line with the Shopify order number to each document (seed 002). Default false. */
  shopifyOrderNoOnDocumentLine: z.boolean().default(false),
  /** Let Shopify email the customer when a shipment is synced; turn off for digital goods (seed 002). Default true. */
  sendShippingConfirmation: z.boolean().default(true),
  /** Address sources tried in order for the tax area (seed 002). Default ["ship_to", "sell_to", "bill_to"]. */
  taxAreaPriority: uniqueList(z.enum(taxAreaSources))
    .min(1, 'must list at least one address source')
    .default(['ship_to', 'sell_to', 'bill_to']),
};
