import type { Kysely, Selectable } from 'kysely';
import type { Database, SalesShipmentLinesTable, SalesShipmentsTable } from '../../db/index.ts';
import type { SalesShipment } from './sales-shipment.ts';

/** Shipments between snake_case rows and the domain, at this edge only. */
export function shipmentFromRows(
  row: Selectable<SalesShipmentsTable>,
  lines: readonly Selectable<SalesShipmentLinesTable>[],
): SalesShipment {
  const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());
  return {
    id: Number(row.id),
    number: row.number,
    status: row.status,
    shopCode: row.shop_code,
    salesOrderNo: row.sales_order_no,
    shopifyOrderId: row.shopify_order_id,
    shopifyOrderName: row.shopify_order_name,
    postingDate: row.posting_date,
    shippingAgentCode: row.shipping_agent_code,
    shippingAgentServiceCode: row.shipping_agent_service_code,
    trackingNumber: row.tracking_number,
    trackingUrl: row.tracking_url,
    postedBy: row.posted_by,
    sendStatus: row.send_status,
    sendAttempts: row.send_attempts,
    lastError: row.last_error,
    attemptStartedAt: iso(row.attempt_started_at),
    sentAt: iso(row.sent_at),
    lines: lines
      .filter((line) => Number(line.shipment_id) === Number(row.id))
      .sort((a, b) => a.line_no - b.line_no)
      .map((line) => ({
        lineNo: line.line_no,
        salesOrderLineNo: line.sales_order_line_no,
        itemNo: line.item_no,
        description: line.description,
        locationCode: line.location_code,
        quantity: line.quantity,
        shopifyLineId: line.shopify_line_id,
        shopifyFulfillmentId: line.shopify_fulfillment_id,
      })),
  };
}

/** Shipments (with lines), oldest first. */
export async function loadShipments(
  db: Kysely<Database>,
  filter: {
    shopCode?: string | undefined;
    number?: string | undefined;
    sendStatuses?: readonly SalesShipment['sendStatus'][] | undefined;
  },
): Promise<SalesShipment[]> {
  let query = db.selectFrom('sales_shipments').selectAll().orderBy('id');
  if (filter.shopCode !== undefined) query = query.where('shop_code', '=', filter.shopCode);
  if (filter.number !== undefined) query = query.where('number', '=', filter.number);
  if (filter.sendStatuses !== undefined) query = query.where('send_status', 'in', filter.sendStatuses);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('sales_shipment_lines')
    .selectAll()
    .where(
      'shipment_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) => shipmentFromRows(row, lines));
}
