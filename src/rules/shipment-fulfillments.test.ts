import { describe, expect, it } from 'vitest';
import {
  planFulfillments,
  recogniseSentFulfillments,
  type OpenFulfillmentOrder,
  type ShipmentLineToSend,
} from './shipment-fulfillments.ts';

const line = (lineNo: number, shopifyLineId: string | null, quantity: number, locationCode = 'MAIN') =>
  ({ lineNo, salesOrderLineNo: lineNo, locationCode, quantity, shopifyLineId }) satisfies ShipmentLineToSend;

const fo = (
  id: string,
  locationShopifyId: string,
  lines: [string, string, number][],
  status = 'open',
): OpenFulfillmentOrder => ({
  id,
  status,
  locationShopifyId,
  lines: lines.map(([foLineId, lineShopifyId, remainingQuantity]) => ({
    id: foLineId,
    lineShopifyId,
    remainingQuantity,
  })),
});

const mappings = [
  { shopifyLocationId: 'gid://shopify/Location/1', locationCode: 'MAIN' },
  { shopifyLocationId: '2', locationCode: 'EAST' },
];

const plan = (lines: ShipmentLineToSend[], fulfillmentOrders: OpenFulfillmentOrder[]) =>
  planFulfillments({
    shipmentNo: 'SHIP-1',
    orderName: '#1001',
    lines,
    fulfillmentOrders,
    locationMappings: mappings,
  });

describe('shipment lines -> fulfillment order line items (seed 002 "Synchronize shipments to Shopify")', () => {
  it.each([
    {
      name: 'full shipment: every unit of the open fulfillment order',
      lines: [line(1, 'L1', 2), line(2, 'L2', 1)],
      fos: [
        fo('FO1', '1', [
          ['F1', 'L1', 2],
          ['F2', 'L2', 1],
        ]),
      ],
      expected: [
        {
          locationShopifyId: '1',
          lineNos: [1, 2],
          lineItemsByFulfillmentOrder: [
            {
              fulfillmentOrderId: 'FO1',
              fulfillmentOrderLineItems: [
                { id: 'F1', quantity: 2 },
                { id: 'F2', quantity: 1 },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'partial shipment: only the units shipped (the order becomes partially fulfilled)',
      lines: [line(1, 'L1', 1)],
      fos: [
        fo('FO1', '1', [
          ['F1', 'L1', 2],
          ['F2', 'L2', 1],
        ]),
      ],
      expected: [
        {
          locationShopifyId: '1',
          lineNos: [1],
          lineItemsByFulfillmentOrder: [
            { fulfillmentOrderId: 'FO1', fulfillmentOrderLineItems: [{ id: 'F1', quantity: 1 }] },
          ],
        },
      ],
    },
    {
      name: "seed's known limitation: two lines of one product each ship against their own order line",
      lines: [line(1, 'L1', 1), line(2, 'L3', 1)],
      fos: [
        fo('FO1', '1', [
          ['F1', 'L1', 1],
          ['F3', 'L3', 1],
        ]),
      ],
      expected: [
        {
          locationShopifyId: '1',
          lineNos: [1, 2],
          lineItemsByFulfillmentOrder: [
            {
              fulfillmentOrderId: 'FO1',
              fulfillmentOrderLineItems: [
                { id: 'F1', quantity: 1 },
                { id: 'F3', quantity: 1 },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'lines at two locations: one fulfillment per location',
      lines: [line(1, 'L1', 1), line(2, 'L2', 1, 'EAST')],
      fos: [fo('FO1', '1', [['F1', 'L1', 1]]), fo('FO2', '2', [['F2', 'L2', 1]])],
      expected: [
        {
          locationShopifyId: '1',
          lineNos: [1],
          lineItemsByFulfillmentOrder: [
            { fulfillmentOrderId: 'FO1', fulfillmentOrderLineItems: [{ id: 'F1', quantity: 1 }] },
          ],
        },
        {
          locationShopifyId: '2',
          lineNos: [2],
          lineItemsByFulfillmentOrder: [
            { fulfillmentOrderId: 'FO2', fulfillmentOrderLineItems: [{ id: 'F2', quantity: 1 }] },
          ],
        },
      ],
    },
    {
      name: "our location has none left but Shopify holds it elsewhere: Shopify's location is used",
      lines: [line(1, 'L1', 1, 'EAST')],
      fos: [fo('FO1', '1', [['F1', 'L1', 1]])],
      expected: [
        {
          locationShopifyId: '1',
          lineNos: [1],
          lineItemsByFulfillmentOrder: [
            { fulfillmentOrderId: 'FO1', fulfillmentOrderLineItems: [{ id: 'F1', quantity: 1 }] },
          ],
        },
      ],
    },
    {
      name: 'closed fulfillment orders are passed over',
      lines: [line(1, 'L1', 1)],
      fos: [fo('FO0', '1', [['F0', 'L1', 1]], 'closed'), fo('FO1', '1', [['F1', 'L1', 1]])],
      expected: [
        {
          locationShopifyId: '1',
          lineNos: [1],
          lineItemsByFulfillmentOrder: [
            { fulfillmentOrderId: 'FO1', fulfillmentOrderLineItems: [{ id: 'F1', quantity: 1 }] },
          ],
        },
      ],
    },
  ])('$name', ({ lines, fos, expected }) => {
    expect(plan(lines, fos)).toEqual({ ok: true, fulfillments: expected, notSendable: [] });
  });

  it('a line added in the back office is not sent, and says so (seed 002 "New lines aren\'t added")', () => {
    const result = plan([line(1, 'L1', 1), line(2, null, 1)], [fo('FO1', '1', [['F1', 'L1', 1]])]);
    expect(result).toMatchObject({
      ok: true,
      notSendable: [{ lineNo: 2, reason: 'not_a_shopify_line', message: expect.stringContaining('line 2') }],
    });
  });

  it('more than Shopify has left to fulfil is refused naming the line (seed 002 "Increase quantity")', () => {
    expect(plan([line(1, 'L1', 3)], [fo('FO1', '1', [['F1', 'L1', 2]])])).toEqual({
      ok: false,
      error: {
        code: 'exceeds_open_quantity',
        lineNo: 1,
        message:
          'Shipment SHIP-1 line 1 ships 3 of Shopify order #1001 line L1, but Shopify has 2 of it left to fulfil at one location',
      },
    });
  });
});

describe('recognising a fulfillment we created but did not record', () => {
  const base = {
    attemptStartedAt: '2026-12-07T10:00:00.500Z',
    trackingNumber: '1Z',
    unsentLines: [line(1, 'L1', 2), line(2, 'L2', 1)],
    recordedFulfillmentIds: new Set(['F-OLD']),
  };
  const ours = {
    shopifyId: 'F9',
    status: 'success',
    createdAt: '2026-12-07T10:00:00Z',
    trackingNumber: '1Z',
    lines: [
      { lineShopifyId: 'L1', quantity: 2 },
      { lineShopifyId: 'L2', quantity: 1 },
    ],
  };
  it.each([
    {
      name: 'same lines, quantities and tracking, since the attempt',
      f: ours,
      found: [
        [1, 'F9'],
        [2, 'F9'],
      ],
    },
    { name: 'created before the attempt', f: { ...ours, createdAt: '2026-12-07T09:59:59Z' }, found: [] },
    { name: 'another tracking number', f: { ...ours, trackingNumber: 'X' }, found: [] },
    { name: 'other quantities', f: { ...ours, lines: [{ lineShopifyId: 'L1', quantity: 1 }] }, found: [] },
    { name: 'already recorded on a shipment', f: { ...ours, shopifyId: 'F-OLD' }, found: [] },
    { name: 'cancelled', f: { ...ours, status: 'cancelled' }, found: [] },
  ])('$name', ({ f, found }) => {
    expect([...recogniseSentFulfillments({ ...base, fulfillments: [f] })]).toEqual(found);
  });
});
