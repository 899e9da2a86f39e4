import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, OrderRefundsTable } from '../db/index.ts';

export type RefundStatus = Selectable<OrderRefundsTable>['status'];

/** An imported refund and where it stands on its way to the books (migration 0006). */
export interface ImportedRefund {
  shopCode: string;
  shopifyOrderId: string;
  shopifyRefundId: string;
  createdAt: string;
  status: RefundStatus;
  statusReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  documentNos: string[];
}

export const refundStatuses: readonly RefundStatus[] = [
  'pending',
  'waiting',
  'processed',
  'not_convertible',
  'error',
];

/** Statuses a refund is decided again from: not decided, waiting, or refused last time (seed 000: retried). */
export const openRefundStatuses: readonly RefundStatus[] = ['pending', 'waiting', 'error'];

/** The shop's refunds still to be decided, oldest first (optionally only these ids, in any status but processed). */
export async function listOpenRefunds(
  db: Kysely<Database>,
  shopCode: string,
  shopifyRefundIds?: readonly string[],
  shopifyOrderIds?: readonly string[],
): Promise<ImportedRefund[]> {
  if (shopifyRefundIds?.length === 0 || shopifyOrderIds?.length === 0) return [];
  let query = db.selectFrom('order_refunds').selectAll().where('shop_code', '=', shopCode);
  query = shopifyRefundIds
    ? query.where('shopify_refund_id', 'in', shopifyRefundIds)
    : query.where('status', 'in', openRefundStatuses);
  if (shopifyOrderIds) query = query.where('shopify_order_id', 'in', shopifyOrderIds);
  const rows = await query.orderBy('created_at_shopify').orderBy('shopify_refund_id').execute();
  return rows.map(toImportedRefund);
}

export async function listRefunds(
  db: Kysely<Database>,
  shopCode: string,
  filter: { shopifyOrderId?: string | undefined; status?: RefundStatus | undefined } = {},
): Promise<ImportedRefund[]> {
  let query = db.selectFrom('order_refunds').selectAll().where('shop_code', '=', shopCode);
  if (filter.shopifyOrderId) query = query.where('shopify_order_id', '=', filter.shopifyOrderId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('created_at_shopify').orderBy('shopify_refund_id').execute();
  return rows.map(toImportedRefund);
}

export type RefundUpdate =
  | { status: 'processed'; documentNos: string[] }
  | { status: 'waiting' | 'not_convertible'; reason: string; message: string }
  | { status: 'error'; code: string; message: string };

/** Records a decision on the refund's row; an error counts one more attempt (graphile-worker's last_error). */
export async function updateRefund(
  db: Kysely<Database>,
  key: { shopCode: string; shopifyRefundId: string },
  update: RefundUpdate,
): Promise<void> {
  await updateRefunds(db, key.shopCode, [{ shopifyRefundId: key.shopifyRefundId, update }]);
}

/** Records decisions on many refunds of a shop in one statement (a batch); see updateRefund. */
export async function updateRefunds(
  db: Kysely<Database>,
  shopCode: string,
  updates: readonly { shopifyRefundId: string; update: RefundUpdate }[],
): Promise<void> {
  if (updates.length === 0) return;
  const values = updates.map(({ shopifyRefundId, update }) => ({
    shopify_refund_id: shopifyRefundId,
    status: update.status,
    status_reason: update.status === 'waiting' || update.status === 'not_convertible' ? update.reason : null,
    error_code: update.status === 'error' ? update.code : null,
    error_message: update.status === 'processed' ? null : update.message,
    attempts_added: update.status === 'error' ? 1 : 0,
    document_nos: update.status === 'processed' ? update.documentNos : null,
  }));
  await sql`
    update order_refunds as r set
      status = v.status, status_reason = v.status_reason, error_code = v.error_code,
      error_message = v.error_message, attempts = r.attempts + v.attempts_added,
      document_nos = coalesce(v.document_nos, r.document_nos),
      processed_at = case when v.status = 'processed' then ${new Date().toISOString()}::timestamptz
        else r.processed_at end
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
      shopify_refund_id text, status text, status_reason text, error_code text, error_message text,
      attempts_added integer, document_nos jsonb)
    where r.shop_code = ${shopCode} and r.shopify_refund_id = v.shopify_refund_id`.execute(db);
}

function toImportedRefund(row: Selectable<OrderRefundsTable>): ImportedRefund {
  return {
    shopCode: row.shop_code,
    shopifyOrderId: row.shopify_order_id,
    shopifyRefundId: row.shopify_refund_id,
    createdAt: new Date(row.created_at_shopify).toISOString(),
    status: row.status,
    statusReason: row.status_reason,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    attempts: row.attempts,
    documentNos: row.document_nos,
  };
}
