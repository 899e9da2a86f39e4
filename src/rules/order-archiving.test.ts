import { describe, expect, it } from 'vitest';
import { archiveDecision, type ArchiveCandidate } from './order-archiving.ts';

const base: ArchiveCandidate = {
  processed: true,
  conflict: false,
  archived: false,
  financialStatus: 'paid',
  fulfillmentStatus: 'fulfilled',
  outstandingMinor: 0,
  cancelled: false,
};

// seed 002: "archives completely paid and fulfilled orders ... provided the conditions are met".
// One row per order: what the accountant sees in Shopify and the back office, and the decision.
const table: [string, Partial<ArchiveCandidate>, string][] = [
  ['paid, fulfilled, invoiced', {}, 'archive'],
  ['fully refunded and fulfilled (returned)', { financialStatus: 'refunded' }, 'archive'],
  [
    'refunded and cancelled before shipping',
    { financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled', cancelled: true },
    'archive',
  ],
  ['paid, cancelled, nothing shipped', { fulfillmentStatus: 'unfulfilled', cancelled: true }, 'archive'],
  ['partially refunded', { financialStatus: 'partially_refunded' }, 'not_paid'],
  ['waiting for payment', { financialStatus: 'pending', outstandingMinor: 6750 }, 'not_paid'],
  ['authorized, not captured', { financialStatus: 'authorized', outstandingMinor: 6750 }, 'not_paid'],
  ['partially paid', { financialStatus: 'partially_paid', outstandingMinor: 1000 }, 'not_paid'],
  ['voided payment', { financialStatus: 'voided' }, 'not_paid'],
  ['paid but still something outstanding (an edit added a line)', { outstandingMinor: 500 }, 'not_paid'],
  ['paid, nothing shipped yet', { fulfillmentStatus: 'unfulfilled' }, 'not_fulfilled'],
  ['paid, partly shipped', { fulfillmentStatus: 'partially_fulfilled' }, 'not_fulfilled'],
  ['paid, shipment in progress', { fulfillmentStatus: 'in_progress' }, 'not_fulfilled'],
  ['paid, fulfilled, documents not made yet', { processed: false }, 'not_processed'],
  ['paid, fulfilled, changed in Shopify after processing (conflict)', { conflict: true }, 'conflict'],
  ['already archived', { archived: true }, 'already_archived'],
];

describe('which orders are archived (seed 002 "Archive orders")', () => {
  it.each(table)('%s -> %s', (_case, change, expected) => {
    const decision = archiveDecision({ ...base, ...change });
    expect(decision.archive ? 'archive' : decision.reason).toBe(expected);
  });
});
