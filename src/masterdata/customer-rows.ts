import { z } from 'zod';
import { countryCode, email, key, optional, optionalText, phone, requiredText } from './fields.ts';
import type { Customer, CustomerAddress } from './types.ts';

const addressShape = {
  name: optionalText,
  company: optionalText,
  address1: optionalText,
  address2: optionalText,
  city: optionalText,
  province: optionalText,
  zip: optionalText,
  countryCode: optional(countryCode),
  phone: optionalText,
};
type AddressField = keyof typeof addressShape;
const addressFields = Object.keys(addressShape) as AddressField[];

/** An address with no field filled in is no address (a CSV row with empty billing columns). */
function addressOrNull(address: CustomerAddress): CustomerAddress | null {
  return addressFields.some((field) => address[field] !== null) ? address : null;
}

const customerShape = {
  no: key,
  name: requiredText,
  email: optional(email),
  phone: optional(phone),
};

/** JSON: `{ no, name, email, phone, billingAddress: { address1, countryCode, … }, shippingAddress }`. */
const addressJson = z.strictObject(addressShape).nullish();
export const customerJsonRow = z
  .strictObject({ ...customerShape, billingAddress: addressJson, shippingAddress: addressJson })
  .transform((row): Customer => ({
    no: row.no,
    name: row.name,
    email: row.email,
    phone: row.phone,
    billingAddress: row.billingAddress ? addressOrNull(row.billingAddress) : null,
    shippingAddress: row.shippingAddress ? addressOrNull(row.shippingAddress) : null,
  }));

type Prefixed<P extends string> = { [K in AddressField as `${P}${Capitalize<K>}`]: (typeof addressShape)[K] };

function column<P extends string>(prefix: P, field: AddressField): string {
  return prefix + field.charAt(0).toUpperCase() + field.slice(1);
}

function prefixedAddressShape<P extends string>(prefix: P): Prefixed<P> {
  return Object.fromEntries(
    addressFields.map((field) => [column(prefix, field), addressShape[field]]),
  ) as Prefixed<P>;
}

function pickAddress(row: Record<string, string | null>, prefix: string): CustomerAddress | null {
  const address = Object.fromEntries(
    addressFields.map((field) => [field, row[column(prefix, field)] ?? null]),
  );
  return addressOrNull(address as unknown as CustomerAddress);
}

/** CSV: one billing and one shipping address as flat columns (`billing_address1`, `shipping_country_code`). */
export const customerCsvFields = z.strictObject({
  ...customerShape,
  ...prefixedAddressShape('billing'),
  ...prefixedAddressShape('shipping'),
});

export const customerCsvRow = customerCsvFields.transform((row): Customer => ({
  no: row.no,
  name: row.name,
  email: row.email,
  phone: row.phone,
  billingAddress: pickAddress(row, 'billing'),
  shippingAddress: pickAddress(row, 'shipping'),
}));

export function customerToFileRow(customer: Customer): z.input<typeof customerJsonRow> {
  return { ...customer };
}
