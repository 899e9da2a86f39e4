import type { ShopifyClient } from './client.ts';
import {
  mapInventoryLevel,
  type InventoryLevelNode,
  type ShopifyInventoryLevel,
} from './map/map-inventory-level.ts';
import type { ConnectionNode } from './payload.ts';

/**
 * Levels per request (Default: 100): ~3 points a level (the level, its item, its quantities), so
 * a page stays well under Shopify's 1,000-point single-query cap.
 */
const levelsPageSize = 100;
/** Locations per request of the listing (Default: 50; a shop has a handful). */
const locationsPageSize = 50;

type LevelsPage = { location: { id: string; inventoryLevels: ConnectionNode<InventoryLevelNode> } | null };
type LocationsPage = { locations: ConnectionNode<{ id: string }> };

/**
 * Every inventory level of the shop, location by location (inactive ones too: they may still hold
 * stock), each location's levels paged to the end: graphql/Locations.graphql then
 * graphql/InventoryLevels.graphql per location. Read-only; no storebridge state involved.
 */
export async function fetchInventoryLevels(client: ShopifyClient): Promise<ShopifyInventoryLevel[]> {
  const levels: ShopifyInventoryLevel[] = [];
  for (const locationId of await locationIds(client)) {
    let after: string | null = null;
    for (;;) {
      const page: ConnectionNode<InventoryLevelNode> | null = await levelsPage(client, locationId, after);
      // A location deleted since the listing has no levels left to read.
      if (!page) break;
      levels.push(...page.nodes.map((node) => mapInventoryLevel(locationId, node)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
  return levels;
}

async function levelsPage(client: ShopifyClient, locationId: string, after: string | null) {
  const { data } = await client.request<LevelsPage>('InventoryLevels', {
    locationId,
    first: levelsPageSize,
    after,
  });
  return data.location?.inventoryLevels ?? null;
}

async function locationIds(client: ShopifyClient): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { data }: { data: LocationsPage } = await client.request<LocationsPage>('Locations', {
      first: locationsPageSize,
      after,
    });
    ids.push(...data.locations.nodes.map((node) => node.id));
    if (!data.locations.pageInfo.hasNextPage) return ids;
    after = data.locations.pageInfo.endCursor;
  }
}
