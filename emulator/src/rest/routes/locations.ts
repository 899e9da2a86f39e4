import { getLocation } from '../../domain/index.ts';
import type { Route } from '../context.ts';
import { ok } from '../http.ts';
import { restInventoryLevel, restLocation, restLocationSingle } from '../serialize/location.ts';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export const locationRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^locations\.json$/,
    handler: ({ state }) =>
      ok({
        locations: [...state.data.locations].sort(byName).map((location) => restLocation(state, location)),
      }),
  },
  {
    method: 'GET',
    pattern: /^locations\/count\.json$/,
    handler: ({ state }) => ok({ count: state.data.locations.length }),
  },
  {
    method: 'GET',
    pattern: /^locations\/(\d+)\.json$/,
    handler: ({ state, ids }) => ok({ location: restLocationSingle(state, getLocation(state, ids[0]!)) }),
  },
  {
    method: 'GET',
    pattern: /^locations\/(\d+)\/inventory_levels\.json$/,
    handler: ({ state, ids }) => {
      const location = getLocation(state, ids[0]!);
      const levels = state.data.inventoryLevels.filter((level) => level.locationId === location.id);
      return ok({ inventory_levels: levels.map((level) => restInventoryLevel(state, level)) });
    },
  },
];
