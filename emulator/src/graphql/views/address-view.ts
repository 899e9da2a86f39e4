import type { Address } from '../../domain/index.ts';
import { gid } from '../gid.ts';

/** MailingAddress. Order addresses have no id of their own on Shopify: it is the owner's, with model_name. */
export function mailingAddressView(address: Address | null, idHint: string) {
  if (!address) return null;
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ') || null;
  return {
    __typename: 'MailingAddress',
    id: gid('MailingAddress', `${idHint}?model_name=Address`),
    firstName: address.firstName,
    lastName: address.lastName,
    name,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    country: address.country,
    countryCodeV2: address.countryCode,
    zip: address.zip,
    phone: address.phone,
    latitude: address.latitude,
    longitude: address.longitude,
    // A method, not an arrow property: tsx's keepNames would wrap each arrow (see lineItemView).
    formatted(args: { withName?: boolean; withCompany?: boolean }) {
      return formatted(address, name, args);
    },
  };
}

/** Shopify's `formatted`: street lines, "city province zip", country; name and company on request. */
function formatted(
  address: Address,
  name: string | null,
  args: { withName?: boolean; withCompany?: boolean },
) {
  const area = [address.city, [address.provinceCode, address.zip].filter(Boolean).join(' ')].filter(Boolean);
  return [
    args.withName ? name : null,
    args.withCompany !== false ? address.company : null,
    address.address1,
    address.address2,
    area.join(', ') || null,
    address.country,
  ].filter((line): line is string => Boolean(line));
}
