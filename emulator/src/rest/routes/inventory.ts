import {
  adjustInventory,
  connectInventory,
  deleteInventoryLevel,
  getInventoryItem,
  getLocation,
  parseDecimalToMinor,
  setInventoryAvailable,
} from '../../domain/index.ts';
import { idList, numberParam, objectOf, type Route, type RouteContext } from '../context.ts';
import { ok, unprocessable, type RestResponse } from '../http.ts';
import { restInventoryItem, restInventoryLevel } from '../serialize/location.ts';

/** GET inventory_levels.json needs inventory_item_ids or location_ids (Shopify answers 422 otherwise). */
function listLevels({ state, params }: RouteContext): RestResponse {
  const items = idList(params, 'inventory_item_ids');
  const locations = idList(params, 'location_ids');
  if (!items && !locations) return unprocessable('inventory_item_ids or location_ids must be present');
  const levels = state.data.inventoryLevels.filter(
    (level) =>
      (!items || items.includes(level.inventoryItemId)) &&
      (!locations || locations.includes(level.locationId)),
  );
  return ok({ inventory_levels: levels.map((level) => restInventoryLevel(state, level)) });
}

function bodyIds({ state, body }: RouteContext) {
  const inventoryItemId = Number(body.inventory_item_id);
  const locationId = Number(body.location_id);
  getInventoryItem(state, inventoryItemId);
  getLocation(state, locationId);
  return { inventoryItemId, locationId };
}

function updateItem({ state, body, ids }: RouteContext): RestResponse {
  const item = getInventoryItem(state, ids[0]!);
  const input = objectOf(body.inventory_item);
  if (typeof input.sku === 'string') item.sku = input.sku;
  if (typeof input.tracked === 'boolean') item.tracked = input.tracked;
  if (input.cost !== undefined) {
    const cost =
      input.cost === null ? null : parseDecimalToMinor(input.cost as string, state.data.shop.currencyCode);
    if (cost !== item.cost) item.updatedAt = state.now();
    item.cost = cost;
  }
  if (typeof input.sku === 'string') item.updatedAt = state.now();
  return ok({ inventory_item: restInventoryItem(state, item) });
}

export const inventoryRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^inventory_levels\.json$/, handler: listLevels },
  {
    method: 'POST',
    pattern: /^inventory_levels\/adjust\.json$/,
    handler: (context) => {
      const ids = bodyIds(context);
      const level = adjustInventory(context.state, {
        ...ids,
        delta: Number(context.body.available_adjustment),
      });
      return ok({ inventory_level: restInventoryLevel(context.state, level) });
    },
  },
  {
    method: 'POST',
    pattern: /^inventory_levels\/set\.json$/,
    handler: (context) => {
      const level = setInventoryAvailable(context.state, {
        ...bodyIds(context),
        available: Number(context.body.available),
      });
      return ok({ inventory_level: restInventoryLevel(context.state, level) });
    },
  },
  {
    method: 'POST',
    pattern: /^inventory_levels\/connect\.json$/,
    handler: (context) => {
      const ids = bodyIds(context);
      const level = connectInventory(context.state, ids.inventoryItemId, ids.locationId);
      return ok({ inventory_level: restInventoryLevel(context.state, level) }, 201);
    },
  },
  {
    method: 'DELETE',
    pattern: /^inventory_levels\.json$/,
    handler: ({ state, params }) => {
      deleteInventoryLevel(
        state,
        numberParam(params, 'inventory_item_id') ?? 0,
        numberParam(params, 'location_id') ?? 0,
      );
      return ok({});
    },
  },
  {
    method: 'GET',
    pattern: /^inventory_items\.json$/,
    handler: ({ state, params }) => {
      const ids = idList(params, 'ids') ?? [];
      const items = state.data.inventoryItems
        .filter((item) => ids.includes(item.id))
        .sort((a, b) => a.id - b.id);
      return ok({ inventory_items: items.map((item) => restInventoryItem(state, item)) });
    },
  },
  {
    method: 'GET',
    pattern: /^inventory_items\/(\d+)\.json$/,
    handler: ({ state, ids }) =>
      ok({ inventory_item: restInventoryItem(state, getInventoryItem(state, ids[0]!)) }),
  },
  { method: 'PUT', pattern: /^inventory_items\/(\d+)\.json$/, handler: updateItem },
];
