import { describe, expect, it } from 'vitest';
import { saleStockMovements, shippedAt, type SaleStockLine } from './sale-stock.ts';

const lines: SaleStockLine[] = [
  { lineNo: 1, type: 'item', no: '1000', quantity: 2, locationCode: 'MAIN' },
  { lineNo: 2, type: 'item', no: '1001', quantity: 0, locationCode: 'MAIN' },
  { lineNo: 3, type: 'gl_account', no: '4100', quantity: 1, locationCode: null },
  { lineNo: 4, type: 'comment', no: null, quantity: 0, locationCode: null },
  { lineNo: 5, type: 'item', no: '1002', quantity: 1, locationCode: 'EAST' },
];

describe('what a sales document takes out of stock (issue 6 item 4, seed 004 4.6)', () => {
  it.each([
    {
      type: 'sales_invoice' as const,
      moves: [
        { itemNo: '1000', locationCode: 'MAIN', quantity: -2, lineNo: 1 },
        { itemNo: '1002', locationCode: 'EAST', quantity: -1, lineNo: 5 },
      ],
    },
    {
      type: 'cash_sale' as const,
      moves: [
        { itemNo: '1000', locationCode: 'MAIN', quantity: -2, lineNo: 1 },
        { itemNo: '1002', locationCode: 'EAST', quantity: -1, lineNo: 5 },
      ],
    },
    // Not shipped yet: the units are only reserved (released quantity), still on hand.
    { type: 'sales_order' as const, moves: [] },
  ])(
    '$type: item lines with units leave their location; shipping, G/L and comment lines carry no goods',
    ({ type, moves }) => {
      expect(saleStockMovements({ type, lines })).toEqual(moves);
    },
  );

  it.each([
    {
      name: 'shipped after the stock count: out',
      shipped: '2026-11-22T09:00:01Z',
      counted: '2026-11-22T09:00:00Z',
      out: 2,
    },
    {
      name: 'shipped before the stock count: already out of it',
      shipped: '2026-11-22T08:59:59Z',
      counted: '2026-11-22T09:00:00Z',
      out: 0,
    },
    {
      name: 'shipped at the moment of the count: in it',
      shipped: '2026-11-22T09:00:00Z',
      counted: '2026-11-22T09:00:00Z',
      out: 0,
    },
    { name: 'no stock count set: out', shipped: '2026-11-22T08:00:00Z', counted: undefined, out: 2 },
  ])('cut-off, $name', ({ shipped, counted, out }) => {
    const moves = saleStockMovements(
      { type: 'sales_invoice', lines },
      { shippedAt: shipped, stockCountedAt: counted },
    );
    expect(moves).toHaveLength(out);
  });

  it.each([
    {
      name: 'the latest fulfilment',
      fulfilments: ['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z'],
      at: '2026-11-21T10:00:00Z',
    },
    {
      name: 'no fulfilment (a POS sale): when it was processed',
      fulfilments: [],
      at: '2026-11-19T10:00:00Z',
    },
  ])('shipped at: $name', ({ fulfilments, at }) => {
    const order = {
      processedAt: '2026-11-19T10:00:00Z',
      fulfillments: fulfilments.map((createdAt) => ({ createdAt })),
    };
    expect(shippedAt(order)).toBe(at);
  });
});
