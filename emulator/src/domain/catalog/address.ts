import type { Address } from '../model/shop.ts';
import type { RestAddressInput } from '../orders/order-input.ts';

export function addressFromRest(input: RestAddressInput | null | undefined): Address | null {
  if (!input) return null;
  const fromName = splitName(input.name);
  return {
    firstName: input.first_name ?? fromName.firstName,
    lastName: input.last_name ?? fromName.lastName,
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

/**
 * REST takes an address's full `name` as well as `first_name`/`last_name`; Shopify keeps only the
 * two parts and answers `name` as them joined (REST `name`, GraphQL `MailingAddress.name`). The
 * first word is the first name, the rest the last name; explicit parts win over `name`.
 */
function splitName(name: string | null | undefined): { firstName: string | null; lastName: string | null } {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  return { firstName: words[0]!, lastName: words.length > 1 ? words.slice(1).join(' ') : null };
}

export function emptyAddress(): Address {
  return addressFromRest({}) as Address;
}
