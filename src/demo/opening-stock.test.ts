import { describe, expect, it } from 'vitest';
import type { ShopifyInventoryLevel } from '../shopify/index.ts';
import { openingStock, type OpeningStock, type StockedItem } from './opening-stock.ts';

const mappings = [
  { shopifyLocationId: 'gid://shopify/Location/1', locationCode: 'MAIN', isDefault: true },
  { shopifyLocationId: '2', locationCode: 'EAST', isDefault: false },
  { shopifyLocationId: '4', locationCode: 'EAST', isDefault: false },
];
const items = new Map<string, StockedItem>([
  ['SB-TEE', { no: '1000', type: 'inventory' }],
  ['SB-MUG', { no: '1001', type: 'inventory' }],
  ['SB-WRAP', { no: '9000', type: 'service' }],
]);
const level = (
  location: string,
  sku: string | null,
  onHand: number,
  available = onHand,
): ShopifyInventoryLevel => ({
  shopifyLocationId: location,
  sku,
  onHand,
  available,
});

interface Case {
  name: string;
  levels: ShopifyInventoryLevel[];
  expected: OpeningStock;
}

// Opening stock from Shopify's levels: on hand (committed units included), per mapped location.
const cases: Case[] = [
  {
    name: 'on hand, not available, per mapped location (GID or numeric id), sorted',
    levels: [level('2', 'SB-MUG', 5), level('1', 'SB-TEE', 12, 9), level('1', 'SB-MUG', 3)],
    expected: {
      lines: [
        { itemNo: '1000', locationCode: 'MAIN', quantity: 12 },
        { itemNo: '1001', locationCode: 'EAST', quantity: 5 },
        { itemNo: '1001', locationCode: 'MAIN', quantity: 3 },
      ],
      skipped: { unmappedLocation: 0, unmappedItem: 0 },
    },
  },
  {
    name: 'an unmapped location, an unknown SKU, no SKU and a service are skipped and counted',
    levels: [
      level('3', 'SB-TEE', 7),
      level('1', 'SB-NOPE', 1),
      level('1', null, 1),
      level('1', 'SB-WRAP', 1),
    ],
    expected: { lines: [], skipped: { unmappedLocation: 1, unmappedItem: 3 } },
  },
  {
    name: 'two Shopify locations on one back-office location add up; zero moves nothing',
    levels: [level('2', 'SB-TEE', 4), level('4', 'SB-TEE', 6), level('1', 'SB-MUG', 0)],
    expected: {
      lines: [{ itemNo: '1000', locationCode: 'EAST', quantity: 10 }],
      skipped: { unmappedLocation: 0, unmappedItem: 0 },
    },
  },
  {
    name: 'an oversold item keeps its negative on hand, as Shopify reports it',
    levels: [level('1', 'SB-TEE', -2)],
    expected: {
      lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: -2 }],
      skipped: { unmappedLocation: 0, unmappedItem: 0 },
    },
  },
];

describe('opening stock from Shopify inventory levels', () => {
  it.each(cases)('$name', ({ levels, expected }) => {
    expect(openingStock(levels, mappings, items)).toEqual(expected);
  });
});
