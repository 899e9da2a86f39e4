import { describe, expect, it } from 'vitest';
import { mapInventoryLevel } from './map-inventory-level.ts';

describe('an inventory level from Shopify', () => {
  it.each([
    {
      name: 'available and on hand by name; the location id kept numeric',
      node: {
        quantities: [
          { name: 'available', quantity: 7 },
          { name: 'on_hand', quantity: 9 },
        ],
        item: { sku: 'SB-TEE' },
      },
      expected: { shopifyLocationId: '71', sku: 'SB-TEE', available: 7, onHand: 9 },
    },
    {
      name: 'a missing quantity is 0; a blank SKU is none',
      node: { quantities: [{ name: 'available', quantity: 3 }], item: { sku: '  ' } },
      expected: { shopifyLocationId: '71', sku: null, available: 3, onHand: 0 },
    },
  ])('$name', ({ node, expected }) => {
    expect(mapInventoryLevel('gid://shopify/Location/71', node)).toEqual(expected);
  });
});
