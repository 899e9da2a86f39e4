import { NotFound, fail } from '../errors.ts';
import type { InventoryLevel } from '../model/shop.ts';
import type { ShopState } from '../state.ts';

export function findInventoryLevel(
  state: ShopState,
  inventoryItemId: number,
  locationId: number,
): InventoryLevel | undefined {
  return state.data.inventoryLevels.find(
    (level) => level.inventoryItemId === inventoryItemId && level.locationId === locationId,
  );
}

export function getInventoryItem(state: ShopState, id: number) {
  const item = state.data.inventoryItems.find((candidate) => candidate.id === id);
  if (!item) throw new NotFound('InventoryItem', id);
  return item;
}

/** Stocks an item at a location (REST inventory_levels/connect): available 0. */
export function connectInventory(
  state: ShopState,
  inventoryItemId: number,
  locationId: number,
): InventoryLevel {
  getInventoryItem(state, inventoryItemId);
  const existing = findInventoryLevel(state, inventoryItemId, locationId);
  if (existing) return existing;
  const level: InventoryLevel = {
    inventoryItemId,
    locationId,
    available: 0,
    committed: 0,
    onHand: 0,
    updatedAt: state.now(),
  };
  state.data.inventoryLevels.push(level);
  return level;
}

export function setInventoryAvailable(
  state: ShopState,
  input: { inventoryItemId: number; locationId: number; available: number },
): InventoryLevel {
  const level = connectInventory(state, input.inventoryItemId, input.locationId);
  const delta = input.available - level.available;
  return moveInventory(state, level, { available: delta, onHand: delta });
}

export function adjustInventory(
  state: ShopState,
  input: { inventoryItemId: number; locationId: number; delta: number },
): InventoryLevel {
  const level = findInventoryLevel(state, input.inventoryItemId, input.locationId);
  if (!level) fail('Inventory item is not stocked at the location', ['location_id']);
  return moveInventory(state, level, { available: input.delta, onHand: input.delta });
}

export function deleteInventoryLevel(state: ShopState, inventoryItemId: number, locationId: number): void {
  const index = state.data.inventoryLevels.findIndex(
    (level) => level.inventoryItemId === inventoryItemId && level.locationId === locationId,
  );
  if (index < 0) throw new NotFound('InventoryLevel', `${inventoryItemId}/${locationId}`);
  state.data.inventoryLevels.splice(index, 1);
}

export interface InventoryDelta {
  available?: number;
  committed?: number;
  onHand?: number;
}

/**
 * The moves orders cause (Shopify's inventory states): selling commits units
 * (available -1, committed +1), shipping removes them (committed -1, on_hand -1),
 * cancel-restocking releases them (committed -1, available +1), returns add them back
 * (available +1, on_hand +1).
 */
export const inventoryMoves = {
  commit: (units: number): InventoryDelta => ({ available: -units, committed: units }),
  ship: (units: number): InventoryDelta => ({ committed: -units, onHand: -units }),
  release: (units: number): InventoryDelta => ({ committed: -units, available: units }),
  restockShipped: (units: number): InventoryDelta => ({ available: units, onHand: units }),
  unship: (units: number): InventoryDelta => ({ committed: units, onHand: units }),
} as const;

export function moveInventory(
  state: ShopState,
  level: InventoryLevel,
  delta: InventoryDelta,
): InventoryLevel {
  level.available += delta.available ?? 0;
  level.committed += delta.committed ?? 0;
  level.onHand += delta.onHand ?? 0;
  level.updatedAt = state.now();
  return level;
}

/** Applies a move for an item at a location, connecting the item there first if needed. */
export function moveItemAt(
  state: ShopState,
  inventoryItemId: number | null,
  locationId: number | null,
  delta: InventoryDelta,
): void {
  if (inventoryItemId === null || locationId === null) return;
  if (!state.data.inventoryItems.some((item) => item.id === inventoryItemId)) return;
  moveInventory(state, connectInventory(state, inventoryItemId, locationId), delta);
}
