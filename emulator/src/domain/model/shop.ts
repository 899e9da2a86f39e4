/** Shop, catalog, inventory and customer records (plain JSON data). */

export interface ShopInfo {
  id: number;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  plan: string;
  myshopifyDomain: string;
  /** presentment currency -> rate to shop currency (decimal string). Emulator setting. */
  exchangeRates: Record<string, string>;
  /** Gateways whose refunds stay `pending` (e.g. slow bank refunds). Emulator setting. */
  pendingRefundGateways: string[];
  /** A pending refund settles this long after it was made (Default: 2 days). Emulator setting. */
  pendingRefundSettleAfterMs?: number;
  /** Share of settling refunds that fail instead, 0..1 (Default: 0). Emulator setting. */
  pendingRefundFailureRate?: number;
  countryCode: string;
  taxesIncluded: boolean;
  taxShipping: boolean;
  weightUnit: 'KILOGRAMS' | 'GRAMS' | 'POUNDS' | 'OUNCES';
  createdAt: string;
  updatedAt: string;
}

export interface Address {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  country: string | null;
  countryCode: string | null;
  zip: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface Location {
  id: number;
  name: string;
  address: Address;
  active: boolean;
  legacy: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Variant {
  id: number;
  productId: number;
  title: string;
  sku: string | null;
  /** Unit price in shop currency minor units. */
  price: number;
  inventoryItemId: number;
  inventoryManagement: 'shopify' | null;
  inventoryPolicy: 'deny' | 'continue';
  requiresShipping: boolean;
  taxable: boolean;
  grams: number;
}

export interface Product {
  id: number;
  title: string;
  handle: string;
  tags: string[];
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  vendor: string | null;
  productType: string;
  giftCard: boolean;
  variants: Variant[];
  createdAt: string;
  updatedAt: string;
}

export interface InventoryItem {
  id: number;
  sku: string | null;
  tracked: boolean;
  requiresShipping: boolean;
  cost: number | null;
  countryCodeOfOrigin: string | null;
  provinceCodeOfOrigin: string | null;
  harmonizedSystemCode: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Shopify's inventory states at one location: on_hand = available + committed. */
export interface InventoryLevel {
  inventoryItemId: number;
  locationId: number;
  available: number;
  committed: number;
  onHand: number;
  updatedAt: string;
}

export interface CustomerAddress extends Address {
  id: number;
  isDefault: boolean;
}

export interface Customer {
  id: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  note: string | null;
  tags: string[];
  state: 'disabled' | 'invited' | 'enabled' | 'declined';
  taxExempt: boolean;
  verifiedEmail: boolean;
  addresses: CustomerAddress[];
  createdAt: string;
  updatedAt: string;
}

export interface CompanyLocation {
  id: number;
  name: string;
  billingAddress: Address | null;
  shippingAddress: Address | null;
}

/** B2B company with its locations and contacts (customers). */
export interface Company {
  id: number;
  name: string;
  externalId: string | null;
  note: string | null;
  contactCustomerIds: number[];
  locations: CompanyLocation[];
  createdAt: string;
  updatedAt: string;
}
