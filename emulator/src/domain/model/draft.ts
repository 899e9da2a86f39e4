import type { Address } from './shop.ts';
import type { CustomAttribute } from './order.ts';

export interface DraftOrderLine {
  id: number;
  variantId: number | null;
  title: string;
  sku: string | null;
  quantity: number;
  /** Unit price, shop currency minor units. */
  price: number;
  taxable: boolean;
  requiresShipping: boolean;
}

export type DraftOrderStatus = 'open' | 'invoice_sent' | 'completed';

export interface DraftOrder {
  id: number;
  name: string;
  status: DraftOrderStatus;
  email: string | null;
  customerId: number | null;
  note: string | null;
  tags: string[];
  customAttributes: CustomAttribute[];
  lineItems: DraftOrderLine[];
  shippingAddress: Address | null;
  billingAddress: Address | null;
  /** Flat shipping charge, shop currency minor units. */
  shippingPrice: number;
  shippingTitle: string | null;
  taxesIncluded: boolean;
  /** Shopify calculates no tax on the order (DraftOrderInput.taxExempt); absent in older state: false. */
  taxExempt?: boolean;
  /**
   * The payment terms template the draft was given (DraftOrderInput.paymentTerms); completing a
   * draft with payment terms creates its order with payment pending. Absent in older state: none.
   */
  paymentTermsTemplateId?: number | null;
  orderId: number | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}
