import { NotFound } from '../errors.ts';
import type { Location } from '../model/shop.ts';
import type { ShopState } from '../state.ts';
import type { RestAddressInput } from '../orders/order-input.ts';
import { addressFromRest } from './address.ts';

export interface LocationInput extends RestAddressInput {
  id?: number;
  name: string;
  active?: boolean;
  legacy?: boolean;
}

export function createLocation(state: ShopState, input: LocationInput): Location {
  const now = state.now();
  const location: Location = {
    id: input.id === undefined ? state.nextId() : state.claimId(input.id),
    name: input.name,
    address: addressFromRest(input) ?? addressFromRest({})!,
    active: input.active ?? true,
    legacy: input.legacy ?? false,
    createdAt: now,
    updatedAt: now,
  };
  state.data.locations.push(location);
  return location;
}

export function getLocation(state: ShopState, id: number): Location {
  const location = state.data.locations.find((candidate) => candidate.id === id);
  if (!location) throw new NotFound('Location', id);
  return location;
}
