import { describe, expect, it } from 'vitest';
import type { Order } from '../domain/order.ts';
import { anOrder } from '../domain/testing/order-builders.ts';
import { localDate } from './local-date.ts';
import { orderEligibility, type EligibilitySettings, type IneligibleReason } from './order-eligibility.ts';

const noFilters: EligibilitySettings['orderFilters'] = {
  tags: [],
  financialStatuses: [],
  fulfillmentStatuses: [],
  riskLevels: [],
};
const base: EligibilitySettings = { timeZone: 'UTC', orderFilters: noFilters };
const firstSyncAt = '2025-03-10T00:00:00Z';

interface Case {
  name: string;
  order: Partial<Order>;
  settings?: Partial<EligibilitySettings>;
  filters?: Partial<EligibilitySettings['orderFilters']>;
  known?: boolean;
  expected: true | IneligibleReason;
}

const cases: Case[] = [
  { name: 'an open order with no filters is staged', order: {}, expected: true },
  {
    name: 'archived before the first sync: excluded (seed 002 "You can\'t import orders that are archived")',
    order: { closedAt: '2025-03-05T00:00:00Z' },
    expected: 'archived_before_first_sync',
  },
  {
    name: 'archived after the first sync started: staged (a POS order closed at once)',
    order: { closedAt: '2025-03-11T00:00:00Z' },
    expected: true,
  },
  {
    name: 'created before the integration date: excluded (seed 004 3.1)',
    order: { createdAt: '2025-02-28T23:59:59Z' },
    settings: { integrationDate: '2025-03-01' },
    expected: 'before_integration_date',
  },
  {
    name: 'created on the integration date: staged',
    order: { createdAt: '2025-03-01T00:00:00Z' },
    settings: { integrationDate: '2025-03-01' },
    expected: true,
  },
  {
    name: "integration date in the shop's time zone: 23:30 UTC is the next day in Berlin",
    order: { createdAt: '2025-02-28T23:30:00Z' },
    settings: { integrationDate: '2025-03-01', timeZone: 'Europe/Berlin' },
    expected: true,
  },
  {
    name: 'tag filter @*vip* matches "Gold, VIP-EU" case-insensitively (seed 002)',
    order: { tags: ['Gold', 'VIP-EU'] },
    filters: { tags: ['@*vip*'] },
    expected: true,
  },
  {
    name: 'tag filter @*vip* refuses an order without such a tag',
    order: { tags: ['gold'] },
    filters: { tags: ['@*vip*'] },
    expected: 'filtered_out',
  },
  {
    name: 'channel <>Point of Sale refuses POS orders (seed 002, one shop per channel)',
    order: { channel: 'Point of Sale' },
    filters: { channel: '<>Point of Sale' },
    expected: 'filtered_out',
  },
  {
    name: 'channel <>Point of Sale takes the online store',
    order: { channel: 'Online Store' },
    filters: { channel: '<>Point of Sale' },
    expected: true,
  },
  {
    name: 'financial status filter: only paid orders ("fully paid orders")',
    order: { financialStatus: 'pending' },
    filters: { financialStatuses: ['paid'] },
    expected: 'filtered_out',
  },
  {
    name: 'fulfillment status filter',
    order: { fulfillmentStatus: 'fulfilled' },
    filters: { fulfillmentStatuses: ['unfulfilled', 'partially_fulfilled'] },
    expected: 'filtered_out',
  },
  {
    name: 'risk filter: low risk only ("the ones with a low risk level")',
    order: { riskLevel: 'high' },
    filters: { riskLevels: ['low'] },
    expected: 'filtered_out',
  },
  {
    name: 'risk filter refuses an order without a risk assessment',
    order: { riskLevel: null },
    filters: { riskLevels: ['low'] },
    expected: 'filtered_out',
  },
  {
    name: 'an update to an order already imported is taken whatever the filters (a cancel changes its status)',
    order: { financialStatus: 'voided', closedAt: '2025-03-05T00:00:00Z' },
    filters: { financialStatuses: ['paid'] },
    known: true,
    expected: true,
  },
];

describe('orderEligibility', () => {
  it.each(cases)('$name', ({ order, settings, filters, known, expected }) => {
    const result = orderEligibility({
      order: anOrder(order),
      settings: { ...base, ...settings, orderFilters: { ...noFilters, ...filters } },
      firstSyncAt,
      known: known ?? false,
    });
    if (expected === true) expect(result).toEqual({ eligible: true });
    else expect(result).toMatchObject({ eligible: false, reason: expected });
  });

  it('names the order and the failing filter', () => {
    const result = orderEligibility({
      order: anOrder({ name: '#1042', riskLevel: 'high' }),
      settings: { ...base, orderFilters: { ...noFilters, riskLevels: ['low'] } },
      firstSyncAt,
      known: false,
    });
    expect(result).toEqual({
      eligible: false,
      reason: 'filtered_out',
      detail: '#1042: risk level high is not one of low',
    });
  });

  it('localDate gives the calendar date in a time zone', () => {
    expect(localDate('2025-03-01T02:00:00Z', 'America/New_York')).toBe('2025-02-28');
    expect(localDate('2025-03-01T02:00:00Z', 'UTC')).toBe('2025-03-01');
  });
});
