import type { Money } from '../money/index.ts';

/**
 * A Shopify order as storebridge understands it: plain data in our vocabulary, produced only by
 * `src/shopify/map/` from Shopify's payloads (decimal strings parsed there, nowhere else) and
 * consumed by `src/rules/` and `src/sync/`. Shopify ids are opaque strings: the numeric
 * `legacyResourceId` as text ("450789469"), never a number and never a GID.
 *
 * Every amount is a MoneyBag: the shop's money and the buyer's (presentment) money side by side,
 * exactly as Shopify reports them. A document takes one side only (the shop's currency handling);
 * the two are never added together.
 */
export interface MoneyBag {
  readonly shop: Money;
  readonly presentment: Money;
}

export type FinancialStatus =
  | 'pending'
  | 'authorized'
  | 'partially_paid'
  | 'paid'
  | 'partially_refunded'
  | 'refunded'
  | 'voided'
  | 'expired';

export type FulfillmentStatus =
  | 'unfulfilled'
  | 'partially_fulfilled'
  | 'fulfilled'
  | 'restocked'
  | 'scheduled'
  | 'on_hold'
  | 'in_progress'
  | 'pending_fulfillment'
  | 'open'
  | 'request_declined';

export type RiskLevel = 'low' | 'medium' | 'high';

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

export interface OrderCustomer {
  shopifyId: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** B2B: the company and company location that placed the order (Shopify's PurchasingCompany). */
export interface OrderCompany {
  shopifyId: string;
  name: string;
  locationShopifyId: string;
}

export interface TaxLine {
  title: string;
  /** The rate as Shopify reports it ("0.21"), informational; the amount is what counts. */
  rate: string | null;
  amount: MoneyBag;
}

export interface DiscountAllocation {
  amount: MoneyBag;
  /** What the discount was: a code, an automatic discount title, or "manual". */
  title: string | null;
  /** `line` discounts apply to one line; `order` (cart) discounts were spread over lines by Shopify. */
  target: 'line' | 'order' | 'shipping';
}

export interface OrderLine {
  shopifyId: string;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  /** As ordered, before edits and refunds. */
  quantity: number;
  /** After order edits and removals (Shopify's currentQuantity). */
  currentQuantity: number;
  refundableQuantity: number;
  unfulfilledQuantity: number;
  /** Price of one unit before discounts (tax included when the order's taxesIncluded). */
  unitPrice: MoneyBag;
  discountAllocations: DiscountAllocation[];
  taxLines: TaxLine[];
  taxable: boolean;
  requiresShipping: boolean;
  /** A gift card sold: a liability, not revenue (seed 002 "Gift cards"). */
  isGiftCard: boolean;
}

export interface ShippingLine {
  shopifyId: string;
  title: string;
  code: string | null;
  source: string | null;
  /** Before discounts. */
  price: MoneyBag;
  /** After shipping discounts. */
  discountedPrice: MoneyBag;
  taxLines: TaxLine[];
  /** Removed by an order edit: kept for the record, not charged. */
  isRemoved: boolean;
}

export type TransactionKind =
  'authorization' | 'capture' | 'sale' | 'refund' | 'void' | 'change' | 'suggested_refund';
export type TransactionStatus = 'pending' | 'success' | 'failure' | 'error' | 'awaiting_response' | 'unknown';

export interface Transaction {
  shopifyId: string;
  kind: TransactionKind;
  status: TransactionStatus;
  gateway: string | null;
  amount: MoneyBag;
  parentShopifyId: string | null;
  processedAt: string | null;
  /** The payment provider's reference, for reconciliation (seed 004 "third-party reference"). */
  paymentReference: string | null;
  test: boolean;
}

export interface FulfillmentOrderLine {
  lineShopifyId: string;
  remainingQuantity: number;
}

export interface FulfillmentOrder {
  shopifyId: string;
  status: string;
  /** Where Shopify assigned the goods to ship from. */
  locationShopifyId: string | null;
  lines: FulfillmentOrderLine[];
}

export interface FulfillmentLine {
  lineShopifyId: string;
  quantity: number;
}

export interface Fulfillment {
  shopifyId: string;
  status: string;
  createdAt: string;
  locationShopifyId: string | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lines: FulfillmentLine[];
}

export type RestockType = 'no_restock' | 'cancel' | 'return' | 'legacy_restock';

export interface RefundLine {
  lineShopifyId: string;
  quantity: number;
  restockType: RestockType;
  restocked: boolean;
  locationShopifyId: string | null;
  /** Unit price as refunded. */
  price: MoneyBag;
  /** Refunded amount for the line, after discounts, before tax. */
  subtotal: MoneyBag;
  totalTax: MoneyBag;
}

export interface RefundShippingLine {
  shippingLineShopifyId: string;
  subtotal: MoneyBag;
  tax: MoneyBag;
}

export interface OrderAdjustment {
  shopifyId: string;
  /** Shopify's reason: refund_discrepancy, shipping_refund, ... */
  reason: string | null;
  amount: MoneyBag;
  taxAmount: MoneyBag;
}

export interface RefundDuty {
  dutyShopifyId: string | null;
  amount: MoneyBag;
}

export interface Refund {
  shopifyId: string;
  createdAt: string;
  updatedAt: string;
  note: string | null;
  lines: RefundLine[];
  shippingLines: RefundShippingLine[];
  adjustments: OrderAdjustment[];
  duties: RefundDuty[];
  transactions: Transaction[];
  totalRefunded: MoneyBag;
  returnShopifyId: string | null;
}

export interface ReturnLine {
  shopifyId: string;
  lineShopifyId: string;
  quantity: number;
  refundedQuantity: number;
  reasonNote: string | null;
}

export interface Return {
  shopifyId: string;
  name: string;
  status: string;
  lines: ReturnLine[];
  /** The order lines Shopify added to the order as this return's exchange items (Return.exchangeLineItems). */
  exchangeLineShopifyIds: string[];
}

export interface OrderTotals {
  subtotal: MoneyBag;
  totalDiscounts: MoneyBag;
  totalShipping: MoneyBag;
  totalTax: MoneyBag;
  totalTip: MoneyBag;
  totalPrice: MoneyBag;
  currentTotalPrice: MoneyBag;
  totalReceived: MoneyBag;
  totalRefunded: MoneyBag;
  netPayment: MoneyBag;
  totalOutstanding: MoneyBag;
}

export interface Order {
  shopifyId: string;
  /** Shopify's order name ("#1001"): the reference number people see; not unique across shops. */
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  test: boolean;
  /** Shopify's sourceName: web, pos, shopify_draft_order, an app id, ... */
  sourceName: string | null;
  /** The sales channel's name ("Online Store", "Point of Sale"), for channel filters. */
  channel: string | null;
  tags: string[];
  customAttributes: { key: string; value: string | null }[];
  note: string | null;
  email: string | null;
  phone: string | null;
  customer: OrderCustomer | null;
  company: OrderCompany | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  shopCurrency: string;
  presentmentCurrency: string;
  taxesIncluded: boolean;
  financialStatus: FinancialStatus | null;
  fulfillmentStatus: FulfillmentStatus;
  riskLevel: RiskLevel | null;
  /**
   * The payment provider's reference of the first successful sale or capture (else of the
   * authorization), to find the order from a payout (seed 004). Optional: added after the type
   * was shared; `mapOrder` always sets it.
   */
  paymentReference?: string | null;
  lines: OrderLine[];
  shippingLines: ShippingLine[];
  transactions: Transaction[];
  fulfillmentOrders: FulfillmentOrder[];
  fulfillments: Fulfillment[];
  refunds: Refund[];
  returns: Return[];
  totals: OrderTotals;
}
