import type { Order } from '../domain/order.ts';
import { matchesChannelFilter, matchesTagFilters, type ShopSettings } from '../shops/index.ts';
import { localDate } from './local-date.ts';

/** What the rule needs from the shop's settings (seed 002 "Sync Orders From Shopify" filters). */
export type EligibilitySettings = Pick<ShopSettings, 'integrationDate' | 'timeZone' | 'orderFilters'>;

export interface EligibilityInput {
  order: Order;
  settings: EligibilitySettings;
  /** When this shop's first sync started (ISO 8601). */
  firstSyncAt: string;
  /** The order is already in the mirror: this version is an update to an imported order. */
  known: boolean;
}

export type IneligibleReason = 'archived_before_first_sync' | 'before_integration_date' | 'filtered_out';

export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason; detail: string };

/**
 * Whether step 1 stages an order (seed 002 "Under the hood"; seed 004 3.1).
 *
 * An update to an order already imported is always taken: a cancellation or a payment changes
 * the financial status, and a status filter would otherwise hide exactly the edits seed 002's
 * table says must reach the mirror (or mark it conflict).
 */
export function orderEligibility(input: EligibilityInput): Eligibility {
  if (input.known) return { eligible: true };
  const { order, settings } = input;
  // seed 002: "You can't import orders that are archived in Shopify". An order archived after
  // the first sync started is still taken, so a POS order closed at once is not lost.
  if (order.closedAt !== null && Date.parse(order.closedAt) < Date.parse(input.firstSyncAt)) {
    return ineligible('archived_before_first_sync', `${order.name} was archived on ${order.closedAt}`);
  }
  const integrationDate = settings.integrationDate;
  if (integrationDate !== undefined) {
    const created = localDate(order.createdAt, settings.timeZone);
    // seed 004 3.1: "Orders prior to this date are excluded."
    if (created < integrationDate) {
      return ineligible(
        'before_integration_date',
        `${order.name} was created on ${created}, before the integration date ${integrationDate}`,
      );
    }
  }
  const failed = failedFilter(order, settings.orderFilters);
  return failed === null ? { eligible: true } : ineligible('filtered_out', `${order.name}: ${failed}`);
}

/** The first filter the order does not pass, described; null when it passes all (they narrow one another). */
export function failedFilter(order: Order, filters: EligibilitySettings['orderFilters']): string | null {
  if (!matchesTagFilters(filters.tags, order.tags)) {
    return `tags "${order.tags.join(', ')}" match none of ${filters.tags.join(' | ')}`;
  }
  if (!matchesChannelFilter(filters.channel, order.channel ?? '')) {
    return `channel "${order.channel ?? ''}" does not match ${filters.channel ?? ''}`;
  }
  if (!listed(filters.financialStatuses, order.financialStatus)) {
    return `financial status ${order.financialStatus ?? '(none)'} is not one of ${filters.financialStatuses.join(', ')}`;
  }
  if (!listed(filters.fulfillmentStatuses, order.fulfillmentStatus)) {
    return `fulfillment status ${order.fulfillmentStatus} is not one of ${filters.fulfillmentStatuses.join(', ')}`;
  }
  if (!listed(filters.riskLevels, order.riskLevel)) {
    return `risk level ${order.riskLevel ?? '(none)'} is not one of ${filters.riskLevels.join(', ')}`;
  }
  return null;
}

/** An empty list lets every value through (seed 002: "If you don't specify filters, it processes all records"). */
function listed<T extends string>(allowed: readonly T[], value: string | null): boolean {
  return allowed.length === 0 || (value !== null && (allowed as readonly string[]).includes(value));
}

function ineligible(reason: IneligibleReason, detail: string): Eligibility {
  return { eligible: false, reason, detail };
}
