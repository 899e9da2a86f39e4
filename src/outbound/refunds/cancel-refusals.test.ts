import { describe, expect, it } from 'vitest';
import { aLine, anOrder } from '../../domain/testing/order-builders.ts';
import type { Order } from '../../domain/order.ts';
import { cancelRefusals } from './cancel-refusals.ts';

const shipped = (status: string): Partial<Order> => ({
  fulfillments: [
    {
      shopifyId: '1',
      status,
      createdAt: '2025-03-01T12:00:00Z',
      locationShopifyId: null,
      trackingCompany: null,
      trackingNumber: null,
      trackingUrl: null,
      lines: [{ lineShopifyId: '9001', quantity: 2 }],
    },
  ],
});
const withReturn = (status: string): Partial<Order> => ({
  returns: [{ shopifyId: '5', name: '#1001-R1', status, lines: [], exchangeLineShopifyIds: [] }],
});

/** seed 001: a fulfilled order cannot be cancelled; Shopify: nor a cancelled one, nor one with an active return. */
const cases: { name: string; order: Partial<Order>; staffNote?: string; expected: string[] }[] = [
  { name: 'an open unfulfilled order may be cancelled', order: {}, expected: [] },
  {
    name: 'already cancelled',
    order: { cancelledAt: '2025-03-02T00:00:00Z' },
    expected: ['order #1001 is already cancelled'],
  },
  {
    name: 'fulfilled items',
    order: shipped('success'),
    expected: ['order #1001 has 2 fulfilled item(s): refund them with a return instead'],
  },
  { name: 'a cancelled fulfillment does not count', order: shipped('cancelled'), expected: [] },
  {
    name: 'an open return',
    order: withReturn('OPEN'),
    expected: ['order #1001 has an open return (#1001-R1)'],
  },
  { name: 'a closed return does not count', order: withReturn('CLOSED'), expected: [] },
  {
    name: 'a staff note over 255 characters',
    order: {},
    staffNote: 'x'.repeat(256),
    expected: ['staffNote: at most 255 characters'],
  },
];

describe('when Shopify would refuse to cancel (issue 8 item 3)', () => {
  it.each(cases)('$name', ({ order, staffNote, expected }) => {
    expect(cancelRefusals(anOrder({ lines: [aLine({ quantity: 2 })], ...order }), staffNote ?? null)).toEqual(
      expected,
    );
  });
});
