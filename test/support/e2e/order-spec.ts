/** The demo catalogue's shop prices in cents (emulator/src/simulator/shop-setup.ts). */
export const catalogueCents: Record<string, number> = {
  'SB-TEE': 2500,
  'SB-MUG': 1250,
  'SB-CAP': 1990,
  'SB-BAG': 1500,
  'SB-SOCK': 800,
  'SB-GIFT': 2500,
};

export interface OrderLineSpec {
  sku: string;
  quantity: number;
  /** A line for a product Shopify has no variant for (a custom item): its price in cents. */
  customPriceCents?: number;
}

export interface AddressSpec {
  name?: string;
  address1?: string;
  city?: string;
  province_code?: string;
  zip?: string;
  country_code?: string;
  phone?: string | null;
}

/** What a merchant's order looks like; every field has a default an ordinary web order has. */
export interface OrderSpec {
  /** Default: 2 x SB-TEE, 1 x SB-MUG. */
  lines?: OrderLineSpec[];
  /** Default: ada@example.com (customer C0001 of the demo master data). */
  email?: string | null;
  phone?: string | null;
  /** Default: a New York address. */
  shippingAddress?: AddressSpec | null;
  billingAddress?: AddressSpec | null;
  /** Default: "Standard" at 5.00 (500 cents); null for none. */
  shipping?: { title: string; cents: number } | null;
  /** Paid by a manual sale of the total (Default: true); false leaves it pending. */
  paid?: boolean;
  /** Already shipped in full when placed (Default: false). */
  fulfilled?: boolean;
  tags?: string[];
  /** Shopify's source_name: "web" (Default) or "pos" (Point of Sale). */
  sourceName?: string;
  risk?: 'LOW' | 'MEDIUM' | 'HIGH';
  /** Shopify location the goods are assigned to (Default: the shop's first). */
  locationId?: number;
  /** A B2B order for this company (Shopify company id). */
  companyId?: number;
}

export const newYork: AddressSpec = {
  name: 'Ada Lovelace',
  address1: '40 Bleecker Street',
  city: 'New York',
  province_code: 'NY',
  zip: '10012',
  country_code: 'US',
};

/** The total a merchant charges for the spec, in cents (no taxes: the shop charges none by default). */
export function totalCents(spec: OrderSpec): number {
  const goods = (spec.lines ?? defaultLines).reduce(
    (sum, line) => sum + line.quantity * (line.customPriceCents ?? catalogueCents[line.sku] ?? 0),
    0,
  );
  return goods + (spec.shipping === undefined ? 500 : (spec.shipping?.cents ?? 0));
}

export const defaultLines: OrderLineSpec[] = [
  { sku: 'SB-TEE', quantity: 2 },
  { sku: 'SB-MUG', quantity: 1 },
];

export function decimal(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
