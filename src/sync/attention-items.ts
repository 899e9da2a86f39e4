/** What an operator must look at (issue 9 item 7), each with the API calls that fix it. */
export type AttentionKind =
  'dead_letter' | 'staging_error' | 'reconciliation_difference' | 'failed_refund_import';

export const attentionKinds: readonly AttentionKind[] = [
  'dead_letter',
  'staging_error',
  'reconciliation_difference',
  'failed_refund_import',
];

/** One existing API call, ready to send: the UI renders it as a button. */
export interface AttentionAction {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
}

export interface AttentionItem {
  kind: AttentionKind;
  /** null for a dead letter whose job names no shop. */
  shopCode: string | null;
  order?: { id: string; name: string | null };
  /** The stable error or difference code (item_not_found, credit_memo_amount_differs, ...). */
  code: string;
  message: string;
  /** Since when it is so, ISO 8601 (what each kind knows of it; see the list's doc). */
  since: string;
  actions: AttentionAction[];
}

const shopPath = (shopCode: string) => `/api/shops/${encodeURIComponent(shopCode)}`;

export const actions = {
  retryImport: (shopCode: string, orderId: string): AttentionAction => ({
    label: 'Retry import',
    method: 'POST',
    path: `${shopPath(shopCode)}/import`,
    body: { orders: [orderId] },
  }),
  exclude: (shopCode: string, orderId: string): AttentionAction => ({
    label: 'Exclude from import',
    method: 'POST',
    path: `${shopPath(shopCode)}/orders-to-import/delete`,
    body: { orders: [orderId] },
  }),
  reimport: (shopCode: string, orderId: string): AttentionAction => ({
    label: 'Re-import order',
    method: 'POST',
    path: `${shopPath(shopCode)}/orders/${orderId}/reimport`,
  }),
  unlink: (shopCode: string, orderId: string): AttentionAction => ({
    label: 'Unlink processed documents',
    method: 'POST',
    path: `${shopPath(shopCode)}/orders/${orderId}/unlink`,
  }),
  retryRefund: (shopCode: string, refundId: string): AttentionAction => ({
    label: 'Retry refund',
    method: 'POST',
    path: `${shopPath(shopCode)}/refunds/process`,
    body: { refunds: [refundId] },
  }),
  reconcileOrder: (shopCode: string, orderId: string): AttentionAction => ({
    label: 'Reconcile again',
    method: 'GET',
    path: `${shopPath(shopCode)}/reconcile?order=${orderId}`,
  }),
  retryJob: (id: string): AttentionAction => ({
    label: 'Retry job',
    method: 'POST',
    path: `/api/dead-letters/${encodeURIComponent(id)}/retry`,
  }),
};
