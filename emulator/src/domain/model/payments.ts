import type { Bag } from '../money/bag.ts';

export const transactionKinds = ['authorization', 'capture', 'sale', 'void', 'refund', 'change'] as const;
export type TransactionKind = (typeof transactionKinds)[number];
export type TransactionStatus = 'pending' | 'success' | 'failure' | 'error';

export interface Transaction {
  id: number;
  orderId: number;
  kind: TransactionKind;
  status: TransactionStatus;
  gateway: string;
  /** Amount in presentment currency (REST `amount`) and shop currency. */
  amount: Bag;
  parentId: number | null;
  authorization: string | null;
  message: string | null;
  errorCode: string | null;
  test: boolean;
  sourceName: string;
  locationId: number | null;
  userId: number | null;
  deviceId: number | null;
  paymentId: string;
  refundId: number | null;
  receipt: Record<string, unknown>;
  creditCard: { bin: string | null; company: string | null; number: string | null } | null;
  manualPaymentGateway: boolean;
  createdAt: string;
  processedAt: string;
}

export type RestockType = 'no_restock' | 'cancel' | 'return' | 'legacy_restock';

export interface RefundLineItem {
  id: number;
  lineItemId: number;
  quantity: number;
  restockType: RestockType;
  locationId: number | null;
  /** Discounted amount for `quantity` units (tax-inclusive when the order's taxesIncluded). */
  subtotal: Bag;
  totalTax: Bag;
}

export interface RefundShippingLine {
  id: number;
  shippingLineId: number;
  subtotal: Bag;
  tax: Bag;
}

export type OrderAdjustmentKind = 'shipping_refund' | 'refund_discrepancy';

export interface OrderAdjustment {
  id: number;
  kind: OrderAdjustmentKind;
  reason: string;
  /** Signed like Shopify: a shipping refund of 5.00 is -5.00. */
  amount: Bag;
  taxAmount: Bag;
}

export interface RefundDuty {
  dutyId: number;
  amount: Bag;
}

export interface Refund {
  id: number;
  orderId: number;
  createdAt: string;
  processedAt: string;
  note: string | null;
  userId: number | null;
  restock: boolean;
  refundLineItems: RefundLineItem[];
  refundShippingLines: RefundShippingLine[];
  orderAdjustments: OrderAdjustment[];
  duties: RefundDuty[];
  transactionIds: number[];
  returnId: number | null;
  /** What produced it: an explicit refund, an order edit (zero amount), or a cancellation. */
  origin: 'refund' | 'order_edit' | 'cancel';
}
