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

export interface Return {
  id: number;
  orderId: number;
  name: string;
  status: ReturnStatus;
  lineItems: ReturnLineItem[];
  declineReason: string | null;
  refundIds: number[];
  createdAt: string;
  closedAt: string | null;
}
