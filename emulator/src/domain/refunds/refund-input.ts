import type { Bag } from '../money/bag.ts';
import type { RestockType } from '../model/payments.ts';

export type { DecimalInput } from '../orders/order-input.ts';
import type { DecimalInput } from '../orders/order-input.ts';

/** Refund input shared by REST (mapped from snake_case) and GraphQL refundCreate. */
export interface RefundInput {
  /** Currency of the amounts given (Default: the order's presentment currency). */
  currency?: string;
  note?: string | null;
  notify?: boolean;
  /** restock | damage | customer | other: becomes the refund_discrepancy reason. */
  discrepancyReason?: string | null;
  shipping?: { fullRefund?: boolean; amount?: DecimalInput | null };
  /** 2024-10+: refund shipping line by line. */
  refundShippingLines?: { shippingLineId: number; amount?: DecimalInput | null }[];
  refundLineItems?: RefundLineItemInput[];
  refundDuties?: { dutyId: number; refundType?: 'FULL' | 'PROPORTIONAL' }[];
  transactions?: RefundTransactionInput[];
  /** Deprecated `restock` flag (seed 003): choose return/cancel automatically. */
  restock?: boolean;
  processedAt?: string | null;
  returnId?: number | null;
}

export interface RefundLineItemInput {
  lineItemId: number;
  quantity: number;
  restockType?: RestockType | 'NO_RESTOCK' | 'CANCEL' | 'RETURN';
  locationId?: number | null;
}

export interface RefundTransactionInput {
  parentId?: number | null;
  amount: DecimalInput;
  kind?: string;
  gateway?: string;
  /** Emulator: force a pending refund (e.g. a slow bank transfer). */
  status?: 'pending' | 'success';
}

export interface CalculatedRefundLine {
  lineItemId: number;
  quantity: number;
  restockType: RestockType;
  locationId: number | null;
  /** Unit price before discounts. */
  price: Bag;
  /** Unit price after line-level (non-cart) discounts. */
  discountedPrice: Bag;
  discountedTotalPrice: Bag;
  /** Share of order-level ("across") discounts carried by these units. */
  totalCartDiscount: Bag;
  subtotal: Bag;
  totalTax: Bag;
}

export interface CalculatedShippingLine {
  shippingLineId: number;
  subtotal: Bag;
  tax: Bag;
}

export interface SuggestedTransaction {
  kind: 'suggested_refund';
  parentId: number;
  gateway: string;
  amount: Bag;
  maximumRefundable: Bag;
}

export interface RefundCalculation {
  currency: string;
  lines: CalculatedRefundLine[];
  shipping: { amount: Bag; tax: Bag; maximumRefundable: Bag };
  shippingLines: CalculatedShippingLine[];
  duties: { dutyId: number; amount: Bag }[];
  totalDuties: Bag;
  subtotal: Bag;
  totalTax: Bag;
  /** What the customer should get back: lines (+ tax unless included) + shipping + duties. */
  total: Bag;
  suggestedTransactions: SuggestedTransaction[];
}
