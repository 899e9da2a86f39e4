import { describe, expect, it } from 'vitest';
import { matchesOrderQuery, type SearchableOrder } from './order-search.ts';
import { parseSearch } from './parse-search.ts';

const anOrder = (overrides: Partial<SearchableOrder> = {}): SearchableOrder => ({
  id: 1001,
  name: '#1001',
  email: 'ada@example.com',
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-02T10:00:00.000Z',
  processedAt: '2025-03-01T10:00:00.000Z',
  closedAt: null,
  cancelledAt: null,
  tags: ['Wholesale', 'rush'],
  sourceName: 'web',
  test: false,
  financialStatus: 'paid',
  fulfillmentStatus: null,
  ...overrides,
});

describe('parseSearch', () => {
  it('reads comparators, quotes, AND, OR and negation', () => {
    expect(parseSearch(`updated_at:>'2025-03-01T00:00:00Z' AND -tag:rush OR status:closed`)).toEqual([
      [
        { field: 'updated_at', comparator: '>', value: '2025-03-01T00:00:00Z', negated: false },
        { field: 'tag', comparator: '=', value: 'rush', negated: true },
      ],
      [{ field: 'status', comparator: '=', value: 'closed', negated: false }],
    ]);
  });
});

// One row per search Shopify documents for orders(query:).
describe('matchesOrderQuery', () => {
  it.each([
    { query: '', order: anOrder(), expected: true },
    { query: "updated_at:>'2025-03-02T09:59:59Z'", order: anOrder(), expected: true },
    { query: "updated_at:>'2025-03-02T10:00:00Z'", order: anOrder(), expected: false },
    { query: "updated_at:>='2025-03-02T10:00:00Z'", order: anOrder(), expected: true },
    { query: 'created_at:>=2025-03-01', order: anOrder(), expected: true },
    { query: 'created_at:<2025-03-01', order: anOrder(), expected: false },
    { query: 'created_at:2025-03-01', order: anOrder(), expected: true },
    { query: 'status:open', order: anOrder(), expected: true },
    { query: 'status:open', order: anOrder({ closedAt: '2025-03-03T00:00:00Z' }), expected: false },
    { query: 'status:closed', order: anOrder({ closedAt: '2025-03-03T00:00:00Z' }), expected: true },
    { query: 'status:cancelled', order: anOrder({ cancelledAt: '2025-03-03T00:00:00Z' }), expected: true },
    { query: 'status:any', order: anOrder({ cancelledAt: '2025-03-03T00:00:00Z' }), expected: true },
    { query: 'financial_status:paid', order: anOrder(), expected: true },
    { query: 'financial_status:refunded', order: anOrder(), expected: false },
    { query: 'fulfillment_status:unshipped', order: anOrder(), expected: true },
    {
      query: 'fulfillment_status:shipped',
      order: anOrder({ fulfillmentStatus: 'fulfilled' }),
      expected: true,
    },
    { query: 'tag:wholesale', order: anOrder(), expected: true },
    { query: 'tag:retail', order: anOrder(), expected: false },
    { query: '-tag:rush', order: anOrder(), expected: false },
    { query: 'source_name:web tag:rush', order: anOrder(), expected: true },
    { query: 'source_name:pos OR tag:rush', order: anOrder(), expected: true },
    { query: 'name:#1001', order: anOrder(), expected: true },
    { query: 'id:>1000', order: anOrder(), expected: true },
    { query: 'ada', order: anOrder(), expected: true },
    { query: 'unknown_field:x', order: anOrder(), expected: false },
  ])('$query', ({ query, order, expected }) => {
    expect(matchesOrderQuery(order, query)).toBe(expected);
  });
});
