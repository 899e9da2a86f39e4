import { formatMinor } from './money.ts';

/**
 * Shopify's order as storebridge maps it (src/domain/order.ts), as the order picture sends it:
 * money as `{ minor, currency }` in integer minor units. Only what the order page shows is typed;
 * every field is optional because an older mirror may lack one.
 */
export interface MinorMoney {
  minor: number | string;
  currency: string;
}
export interface MoneyBag {
  shop: MinorMoney;
  presentment: MinorMoney;
}
export interface Address {
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
export interface OrderLine {
  shopifyId: string;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  currentQuantity: number;
  unfulfilledQuantity: number;
  unitPrice: MoneyBag;
  discountAllocations?: { amount: MoneyBag }[];
  taxLines?: { title: string; rate: string | null; amount: MoneyBag }[];
}
export interface ShippingLine {
  shopifyId: string;
  title: string;
  code: string | null;
  price: MoneyBag;
  discountedPrice: MoneyBag;
  isRemoved: boolean;
}
export interface Transaction {
  shopifyId: string;
  kind: string;
  status: string;
  gateway: string | null;
  amount: MoneyBag;
  processedAt: string | null;
  paymentReference: string | null;
  test: boolean;
}
export interface Fulfillment {
  shopifyId: string;
  status: string;
  createdAt: string;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lines: { lineShopifyId: string; quantity: number }[];
}
export interface Refund {
  shopifyId: string;
  createdAt: string;
  note: string | null;
  lines: { lineShopifyId: string; quantity: number; restockType: string }[];
  totalRefunded: MoneyBag;
}
export interface Return {
  shopifyId: string;
  name: string;
  status: string;
  lines: { quantity: number; reasonNote: string | null }[];
}
export type TotalName =
  | 'subtotal'
  | 'totalDiscounts'
  | 'totalShipping'
  | 'totalTax'
  | 'totalPrice'
  | 'totalRefunded'
  | 'totalOutstanding';
export interface ShopifyOrder {
  name?: string;
  createdAt?: string;
  processedAt?: string;
  closedAt?: string | null;
  cancelReason?: string | null;
  test?: boolean;
  sourceName?: string | null;
  channel?: string | null;
  tags?: string[];
  customAttributes?: { key: string; value: string | null }[];
  note?: string | null;
  email?: string | null;
  phone?: string | null;
  customer?: { email: string | null; firstName: string | null; lastName: string | null } | null;
  company?: { name: string } | null;
  billingAddress?: Address | null;
  shippingAddress?: Address | null;
  taxesIncluded?: boolean;
  riskLevel?: string | null;
  lines?: OrderLine[];
  shippingLines?: ShippingLine[];
  transactions?: Transaction[];
  fulfillments?: Fulfillment[];
  refunds?: Refund[];
  returns?: Return[];
  totals?: Partial<Record<TotalName, MoneyBag>>;
}

/** "partially_refunded" -> "Partially refunded". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The customer as an operator names them: "Ann Lee", else their email. */
export function customerName(order: ShopifyOrder): string {
  const customer = order.customer;
  const name = [customer?.firstName, customer?.lastName].filter(Boolean).join(' ');
  return name || customer?.email || order.email || '';
}

/** An address on one line: "Ann Lee, Main St 1, 1000 Brussels, BE". */
export function addressLine(address: Address | null | undefined): string {
  if (!address) return '';
  const place = [address.zip, address.city].filter(Boolean).join(' ');
  return [address.name, address.company, address.address1, address.address2, place, address.province]
    .concat(address.countryCode)
    .filter(Boolean)
    .join(', ');
}

/** A bag's shop-currency amount (the books' currency), shown in the browser's locale. */
export function formatBag(bag: MoneyBag | null | undefined): string {
  if (!bag) return '';
  return formatMinor(BigInt(bag.shop.minor), bag.shop.currency);
}
