import { formatShopTime, type Customer, type ShopState } from './deps.ts';
import { gid } from './money.ts';

export function restCustomer(state: ShopState, customer: Customer) {
  const address = customer.addresses.find((candidate) => candidate.isDefault) ?? null;
  return {
    id: customer.id,
    email: customer.email,
    created_at: formatShopTime(state, customer.createdAt),
    updated_at: formatShopTime(state, customer.updatedAt),
    first_name: customer.firstName,
    last_name: customer.lastName,
    state: customer.state,
    note: customer.note,
    verified_email: customer.verifiedEmail,
    multipass_identifier: null,
    tax_exempt: customer.taxExempt,
    phone: customer.phone,
    email_marketing_consent: null,
    sms_marketing_consent: null,
    tags: customer.tags.join(', '),
    currency: state.data.shop.currencyCode,
    tax_exemptions: [],
    admin_graphql_api_id: gid('Customer', customer.id),
    default_address: address && {
      id: address.id,
      customer_id: customer.id,
      first_name: address.firstName,
      last_name: address.lastName,
      company: address.company,
      address1: address.address1,
      address2: address.address2,
      city: address.city,
      province: address.province,
      country: address.country,
      zip: address.zip,
      phone: address.phone,
      name: [address.firstName, address.lastName].filter(Boolean).join(' '),
      province_code: address.provinceCode,
      country_code: address.countryCode,
      country_name: address.country,
      default: true,
    },
  };
}
