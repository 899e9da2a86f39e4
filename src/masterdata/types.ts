import type { Address } from '../domain/order.ts';
import type { GlAccountType, ItemType } from '../db/index.ts';
import type { Money } from '../money/index.ts';

export type { GlAccountType, ItemType };

/** The four kinds of master data a file can hold, named as on the command line. */
export const importKinds = ['items', 'locations', 'customers', 'gl-accounts'] as const;
export type ImportKind = (typeof importKinds)[number];

export function isImportKind(value: string): value is ImportKind {
  return (importKinds as readonly string[]).includes(value);
}

export interface Item {
  no: string;
  /** Shopify variant SKU; unique when set. Orders find their item through it. */
  sku: string | null;
  description: string;
  type: ItemType;
  unitPrice: Money;
}

export interface Location {
  code: string;
  name: string;
}

/** A customer's address has the shape of an order's address (countryCode ISO 3166-1 alpha-2, upper case). */
export type CustomerAddress = Address;

export interface Customer {
  no: string;
  name: string;
  /** Kept as written; looked up case-insensitively. */
  email: string | null;
  /** Kept as `+` and digits only, so Shopify's E.164 phones match however the file wrote them. */
  phone: string | null;
  billingAddress: CustomerAddress | null;
  shippingAddress: CustomerAddress | null;
}

export interface GlAccount {
  no: string;
  name: string;
  accountType: GlAccountType;
}

/** The domain value each kind holds. */
export interface MasterDataByKind {
  items: Item;
  locations: Location;
  customers: Customer;
  'gl-accounts': GlAccount;
}
