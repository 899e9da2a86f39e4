export const returnStatuses = ['REQUESTED', 'OPEN', 'CLOSED', 'DECLINED', 'CANCELED'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

export interface ReturnLineItem {
  id: number;
  fulfillmentLineItemId: number;
  lineItemId: number;
  quantity: number;
  returnReason: string;
  returnReasonNote: string;
  customerNote: string | null;
}

/** ExchangeLineItem: a new item sent in exchange, added to the order as `lineItemId`. */
export interface ExchangeLineItem {
  id: number;
  lineItemId: number;
  variantId: number;
  quantity: number;
}

export interface Return {
  id: number;
  orderId: number;
  name: string;
  status: ReturnStatus;
  lineItems: ReturnLineItem[];
  declineReason: string | null;
  refundIds: number[];
  /** Absent on returns saved before exchanges existed (read as none). */
  exchangeLineItems?: ExchangeLineItem[];
  createdAt: string;
  closedAt: string | null;
}
