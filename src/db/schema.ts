import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it: SQL snake_case, mapped to camelCase only at the edge
 * (each capability's repository). Money columns are `*_minor` bigints beside a currency.
 */
export interface Database {
  shops: ShopsTable;
  items: ItemsTable;
  locations: LocationsTable;
  customers: CustomersTable;
  gl_accounts: GlAccountsTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ShopsTable {
  code: string;
  name: string;
  shopify_domain: string;
  /** Validated shop settings without secrets (see src/shops/settings.ts). */
  settings: Json<Record<string, unknown>>;
  /** AES-256-GCM envelope of the shop's secrets (access token, client secret, webhook secret). */
  secrets: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ItemType = 'inventory' | 'service';

export interface ItemsTable {
  no: string;
  sku: string | null;
  description: string;
  type: ItemType;
  unit_price_minor: ColumnType<number, number, number>;
  currency: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LocationsTable {
  code: string;
  name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerAddressRecord {
  kind: 'billing' | 'shipping';
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zip: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface CustomersTable {
  no: string;
  name: string;
  email: string | null;
  phone: string | null;
  addresses: Json<CustomerAddressRecord[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type GlAccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';

export interface GlAccountsTable {
  no: string;
  name: string;
  account_type: GlAccountType;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ShopRow = Selectable<ShopsTable>;
export type NewShopRow = Insertable<ShopsTable>;
export type ShopUpdate = Updateable<ShopsTable>;
export type ItemRow = Selectable<ItemsTable>;
export type LocationRow = Selectable<LocationsTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type GlAccountRow = Selectable<GlAccountsTable>;
export type { Generated };
