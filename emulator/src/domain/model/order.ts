import type { Bag } from '../money/bag.ts';
import type { Address } from './shop.ts';
import type { Fulfillment, FulfillmentOrder } from './fulfillment.ts';
import type { Refund, Transaction } from './payments.ts';
import type { Return } from './returns.ts';

export interface TaxLine {
  title: string;
  /** Decimal string as Shopify shows it ("0.06"). */
  rate: string;
  /** Tax for the whole line (all original units). */
  price: Bag;
  channelLiable: boolean | null;
}

export interface DiscountApplication {
  targetType: 'line_item' | 'shipping_line';
  type: 'discount_code' | 'manual' | 'script' | 'automatic';
  value: string;
  valueType: 'fixed_amount' | 'percentage';
  allocationMethod: 'across' | 'each' | 'one';
  targetSelection: 'all' | 'entitled' | 'explicit';
  code: string | null;
  title: string | null;
  description: string | null;
}

export interface DiscountAllocation {
  amount: Bag;
  discountApplicationIndex: number;
}

export interface DiscountCode {
  code: string;
  amount: Bag;
  type: 'fixed_amount' | 'percentage' | 'shipping';
}

export interface Duty {
  id: number;
  harmonizedSystemCode: string | null;
  countryCodeOfOrigin: string | null;
  price: Bag;
  taxLines: TaxLine[];
}

export interface LineItem {
  id: number;
  variantId: number | null;
  productId: number | null;
  inventoryItemId: number | null;
  title: string;
  variantTitle: string | null;
  name: string;
  sku: string | null;
  vendor: string | null;
  /** Units ordered originally (order edits that add units raise it, see `addedByEdit`). */
  quantity: number;
  /** Unit price before discounts (tax-inclusive when the order's taxesIncluded). */
  price: Bag;
  taxable: boolean;
  requiresShipping: boolean;
  giftCard: boolean;
  grams: number;
  properties: { name: string; value: string }[];
  fulfillmentService: string;
  inventoryManagement: 'shopify' | null;
  taxLines: TaxLine[];
  discountAllocations: DiscountAllocation[];
  duties: Duty[];
  /** Line added by an order edit (not part of the original* totals). */
  addedByEdit: boolean;
  /**
   * Line added by a return's exchange line items (not part of the original* totals either;
   * "Native exchanges do not create a separate new order", Shopify's read-exchanges guide).
   */
  addedByExchange?: boolean;
  /**
   * Units an order edit added to this existing line (orderEditSetQuantity above the current
   * quantity), with their price before discounts and their tax: the original* totals leave them out.
   */
  unitsAddedByEdit?: { quantity: number; gross: Bag; tax: Bag };
}

export interface ShippingLine {
  id: number;
  title: string;
  code: string | null;
  source: string;
  carrierIdentifier: string | null;
  price: Bag;
  taxLines: TaxLine[];
  discountAllocations: DiscountAllocation[];
  isRemoved: boolean;
}

export interface CustomAttribute {
  key: string;
  value: string;
}

export const financialStatuses = [
  'pending',
  'authorized',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
] as const;
export type FinancialStatus = (typeof financialStatuses)[number];

export type CancelReason = 'customer' | 'fraud' | 'inventory' | 'declined' | 'staff' | 'other';
export type InventoryBehaviour = 'bypass' | 'decrement_ignoring_policy' | 'decrement_obeying_policy';

export interface Order {
  id: number;
  /** "#1001" */
  name: string;
  /** Sequential number starting at 1 (order_number = number + 1000). */
  number: number;
  token: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: CancelReason | null;
  cancellationStaffNote: string | null;
  test: boolean;
  sourceName: string;
  tags: string[];
  note: string | null;
  customAttributes: CustomAttribute[];
  customerId: number | null;
  companyId: number | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  /** Shop currency, presentment currency and presentment->shop rate of this order. */
  currency: string;
  presentmentCurrency: string;
  exchangeRate: string;
  taxesIncluded: boolean;
  taxExempt: boolean;
  buyerAcceptsMarketing: boolean;
  inventoryBehaviour: InventoryBehaviour;
  discountApplications: DiscountApplication[];
  discountCodes: DiscountCode[];
  lineItems: LineItem[];
  shippingLines: ShippingLine[];
  /** Tips received with the order (Shopify's total_tip_received). */
  tip: Bag;
  riskLevel: 'LOW' | 'MEDIUM' | 'HIGH';
  /**
   * Shopify stores the financial status given at REST creation (default "paid", even
   * without transactions); any later money movement recomputes it. null = computed.
   */
  financialStatusOverride: FinancialStatus | null;
  transactions: Transaction[];
  refunds: Refund[];
  fulfillmentOrders: FulfillmentOrder[];
  fulfillments: Fulfillment[];
  returns: Return[];
  /** Extra REST attributes Shopify echoes (po_number, reference, landing_site...). */
  extraAttributes: Record<string, unknown>;
}
