import type { RestAddressInput } from '../../domain/index.ts';

/** GraphQL `MailingAddressInput`. */
export interface GqlAddressInput {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  company?: string | null;
  countryCode?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
}

export function addressToDomain(input: GqlAddressInput | null | undefined): RestAddressInput | null {
  if (!input) return null;
  return {
    first_name: input.firstName ?? null,
    last_name: input.lastName ?? null,
    company: input.company ?? null,
    address1: input.address1 ?? null,
    address2: input.address2 ?? null,
    city: input.city ?? null,
    province_code: input.provinceCode ?? null,
    country_code: input.countryCode ?? null,
    zip: input.zip ?? null,
    phone: input.phone ?? null,
  };
}
