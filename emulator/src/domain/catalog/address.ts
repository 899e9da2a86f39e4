import type { Address } from '../model/shop.ts';
import type { RestAddressInput } from '../orders/order-input.ts';

export function addressFromRest(input: RestAddressInput | null | undefined): Address | null {
  if (!input) return null;
  return {
    firstName: input.first_name ?? null,
    lastName: input.last_name ?? null,
    company: input.company ?? null,
    address1: input.address1 ?? null,
    address2: input.address2 ?? null,
    city: input.city ?? null,
    province: input.province ?? null,
    provinceCode: input.province_code ?? null,
    country: input.country ?? null,
    countryCode: input.country_code ?? null,
    zip: input.zip ?? null,
    phone: input.phone ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

export function emptyAddress(): Address {
  return addressFromRest({}) as Address;
}
