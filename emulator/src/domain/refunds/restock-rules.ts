import type { LineItem } from '../model/order.ts';
import type { RestockType } from '../model/payments.ts';
import type { LineItemQuantities } from '../orders/line-quantities.ts';

/**
 * seed 003: "If the restock instructions can't be met - for example, because you try to
 * return more items than have been fulfilled - then the endpoint returns modified restock
 * instructions." Shopify's recorded refund of unfulfilled line 518995019 with
 * restock_type "return" came back as "no_restock" with location_id null, so an instruction
 * that cannot be met falls back to no_restock. Gift cards are never restocked.
 */
const restockCanBeMet: Readonly<Record<RestockType, (units: number, room: RestockRoom) => boolean>> = {
  no_restock: () => true,
  cancel: (units, room) => units <= room.cancelable,
  return: (units, room) => units <= room.returnable,
  legacy_restock: () => false,
};

export interface RestockRoom {
  cancelable: number;
  returnable: number;
}

export function roomFor(quantities: LineItemQuantities): RestockRoom {
  return { cancelable: quantities.cancelableQuantity, returnable: quantities.returnableQuantity };
}

export function normaliseRestockType(
  value: string | undefined,
  legacyRestock: boolean,
  room: RestockRoom,
): RestockType {
  if (value === undefined) {
    if (!legacyRestock) return 'no_restock';
    return room.cancelable > 0 ? 'cancel' : 'return';
  }
  return value.toLowerCase() as RestockType;
}

/** The restock type Shopify applies, and whether it still needs a location. */
export function effectiveRestockType(
  requested: RestockType,
  units: number,
  room: RestockRoom,
  line: LineItem,
): RestockType {
  if (line.giftCard) return 'no_restock';
  return restockCanBeMet[requested](units, room) ? requested : 'no_restock';
}

/** Units a restock consumes from the room left for later rows of the same refund. */
export function consumeRoom(room: RestockRoom, type: RestockType, units: number): RestockRoom {
  if (type === 'cancel') return { ...room, cancelable: room.cancelable - units };
  if (type === 'return') return { ...room, returnable: room.returnable - units };
  return room;
}

export const restockTypes: readonly RestockType[] = ['no_restock', 'cancel', 'return'];
