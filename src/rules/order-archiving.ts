import type { FinancialStatus, FulfillmentStatus } from '../domain/order.ts';

/** What the rule needs to know about an imported order (the mirror's row and Shopify's order). */
export interface ArchiveCandidate {
  /** Its back-office documents are made (seed 002 "processed"). */
  processed: boolean;
  /** Shopify changed it after processing and nobody resolved that yet. */
  conflict: boolean;
  /** Already archived by storebridge. */
  archived: boolean;
  financialStatus: FinancialStatus | null;
  fulfillmentStatus: FulfillmentStatus;
  /** What the customer still owes, in minor units of the order's currency (Shopify's totalOutstanding). */
  outstandingMinor: number;
  cancelled: boolean;
}

export type NotArchivedReason =
  'already_archived' | 'not_processed' | 'conflict' | 'not_paid' | 'not_fulfilled';

export type ArchiveDecision = { archive: true } | { archive: false; reason: NotArchivedReason };

/** Paid in full, or everything paid given back: nothing left for the books to follow. */
const settled: readonly (FinancialStatus | null)[] = ['paid', 'refunded'];

/**
 * Whether an imported order may be archived (seed 002: "archives completely paid and fulfilled
 * orders in both Shopify and <the ERP>, provided the conditions are met"): its documents are
 * made, no conflict waits, it is paid in full (PAID, or fully REFUNDED) with nothing outstanding,
 * and nothing is left to ship (fulfilled, or cancelled).
 */
export function archiveDecision(order: ArchiveCandidate): ArchiveDecision {
  if (order.archived) return no('already_archived');
  if (!order.processed) return no('not_processed');
  if (order.conflict) return no('conflict');
  if (!settled.includes(order.financialStatus) || order.outstandingMinor > 0) return no('not_paid');
  if (order.fulfillmentStatus !== 'fulfilled' && !order.cancelled) return no('not_fulfilled');
  return { archive: true };
}

function no(reason: NotArchivedReason): ArchiveDecision {
  return { archive: false, reason };
}
