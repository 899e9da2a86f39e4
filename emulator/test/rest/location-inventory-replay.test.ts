/** Replays Shopify's recorded locations and inventory_levels pairs. */
import { describe, expect, it } from 'vitest';
import { exampleShop } from '../support/example-shop.ts';
import { recordedPairs, replay, shapeDiff, type Body } from '../support/fixtures.ts';

describe('locations (recorded pairs)', () => {
  it.each(recordedPairs('location').map((p) => ({ path: p.request.path, p })))('$path', ({ p }) => {
    const { state } = exampleShop();
    const response = replay(state, p.request);
    expect(response.status).toBe(200);
    expect(shapeDiff(response.body, p.response)).toEqual([]);
    if (p.request.path.endsWith('count.json')) expect(response.body).toEqual(p.response);
    if (p.request.path.endsWith('inventory_levels.json')) {
      const levels = (body: Body) =>
        body.inventory_levels.map((level: Body) => [level.inventory_item_id, level.available]).sort();
      expect(levels(response.body as Body)).toEqual(levels(p.response));
    }
    if (p.request.path.endsWith('locations.json')) {
      const names = (body: Body) => body.locations.map((location: Body) => location.name);
      expect(names(response.body as Body)).toEqual(names(p.response));
    }
  });
});

describe('inventory_levels (recorded pairs)', () => {
  it.each(
    recordedPairs('inventory_level').map((p) => ({
      name: `${p.request.method} ${p.request.path}?${p.request.query}`,
      p,
    })),
  )('$name', ({ p }) => {
    const { state } = exampleShop();
    const response = replay(state, p.request);
    expect(shapeDiff(response.body, p.response)).toEqual([]);
    const body = response.body as Body;
    const expected = p.response as Body;
    if (expected.inventory_level) {
      // The recorded adjust (+5) starts from a level of 1 at 50 Rideau Street -> 6, as here.
      expect(body.inventory_level.available).toBe(expected.inventory_level.available);
    }
    if (expected.inventory_levels) {
      const levels = (list: Body[]) =>
        list.map((level) => [level.inventory_item_id, level.location_id, level.available]).sort();
      expect(levels(body.inventory_levels)).toEqual(levels(expected.inventory_levels));
    }
  });
});
