import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { Address } from '../../domain/order.ts';
import type { CreatedAt, Json, UpdatedAt } from './columns.ts';

/** Shops (0001) and the master data: items, locations, customers, G/L accounts. */
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

export interface CustomerAddressRecord extends Address {
  kind: 'billing' | 'shipping';
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
