import { sql, type Kysely } from 'kysely';
import { authorizeOrAudit, recordAudit, type Actor } from '../../access/index.ts';
import type { Database } from '../../db/index.ts';
import { findItemByNo } from '../../masterdata/index.ts';
import { localDate } from '../../rules/local-date.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../shared/errors.ts';
import { nextNumber } from '../numbering.ts';
import { writeStockMovements } from '../stock/write-stock-movements.ts';
import { planShipment, type RequestedLines } from './plan-shipment.ts';
import type { SalesShipment } from './sales-shipment.ts';
import { loadShipments } from './shipment-rows.ts';
import { findShippingAgent } from './shipping-agents.ts';

export interface PostShipmentInput {
  shopCode: string;
  /** The sales order shipped ("SO-000001"). */
  salesOrderNo: string;
  /** Units per sales order line, or every line's remainder. */
  lines: RequestedLines;
  trackingNumber?: string | undefined;
  trackingUrl?: string | undefined;
  /** Default: the sales order's shipping agent (seed 002: from the shipment method mapping). */
  shippingAgentCode?: string | undefined;
  shippingAgentServiceCode?: string | undefined;
  /** YYYY-MM-DD. Default: today in the shop's time zone. */
  postingDate?: string | undefined;
}

/**
 * Posts a shipment of a sales order that came from Shopify (seed 002 "Synchronize shipments to
 * Shopify"): the shipment with its own number, the units leaving their locations (on hand down,
 * and the released quantity down by what was released), the quantity shipped on the sales order
 * lines, and the audit entry: all in one transaction, or nothing. No G/L: inventory value and cost
 * of goods sold are not posted by this product yet (docs/shipments.md). Sending it to Shopify is
 * `syncShipments` (src/outbound/shipments), never inside this transaction.
 */
export async function postShipment(
  db: Kysely<Database>,
  actor: Actor,
  input: PostShipmentInput,
  now: () => Date = () => new Date(),
): Promise<SalesShipment> {
  const target = `sales order ${input.salesOrderNo}`;
  await authorizeOrAudit(
    db,
    { actor, action: 'shipments.sync', shopCode: input.shopCode, target, request: { post: input } },
    (refusal) => ({ error: refusal.message }),
  );
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('documents')
      .selectAll()
      .where('shop_code', '=', input.shopCode)
      .where('type', '=', 'sales_order')
      .where('number', '=', input.salesOrderNo)
      .forUpdate()
      .executeTakeFirst();
    if (!order)
      throw new NotFoundError(`document: shop ${input.shopCode} has no sales order ${input.salesOrderNo}`);
    const lines = await trx
      .selectFrom('document_lines')
      .selectAll()
      .where('document_id', '=', order.id)
      .orderBy('line_no')
      .execute();
    const plan = planShipment(
      order.number,
      lines.map((l) => ({
        lineNo: l.line_no,
        type: l.type,
        no: l.no,
        description: l.description,
        quantity: l.quantity,
        quantityShipped: l.quantity_shipped,
        releasedQuantity: l.released_quantity,
        locationCode: l.location_code,
        shopifyLineId: l.shopify_line_id,
      })),
      input.lines,
    );
    const issues: ValidationIssue[] = plan.ok ? [] : [...plan.issues];
    const agentCode = input.shippingAgentCode ?? order.shipping_agent_code ?? null;
    const serviceCode =
      input.shippingAgentServiceCode ??
      (input.shippingAgentCode === undefined ? order.shipping_agent_service_code : null) ??
      null;
    const agent = agentCode === null ? null : await findShippingAgent(trx, agentCode);
    if (agentCode !== null && !agent)
      issues.push({ path: 'shippingAgentCode', message: `shipping agent ${agentCode} does not exist` });
    if (serviceCode !== null && agent && !agent.services.includes(serviceCode))
      issues.push({
        path: 'shippingAgentServiceCode',
        message: `shipping agent ${agent.code} has no service ${serviceCode}`,
      });
    if (serviceCode !== null && agentCode === null)
      issues.push({ path: 'shippingAgentCode', message: 'is required with shippingAgentServiceCode' });
    if (input.trackingUrl !== undefined && !/^https?:\/\/\S+$/.test(input.trackingUrl))
      issues.push({ path: 'trackingUrl', message: 'must be an http(s) URL' });
    if (input.postingDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.postingDate))
      issues.push({ path: 'postingDate', message: 'must be a date YYYY-MM-DD' });
    if (!plan.ok || issues.length > 0)
      throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);

    const number = await nextNumber(trx, 'sales_shipment');
    const shipment = await trx
      .insertInto('sales_shipments')
      .values({
        shop_code: input.shopCode,
        number,
        status: 'posted',
        sales_order_no: order.number,
        shopify_order_id: order.shopify_order_id,
        shopify_order_name: order.shopify_order_name,
        posting_date: input.postingDate ?? (await shopToday(trx, input.shopCode, now())),
        shipping_agent_code: agentCode,
        shipping_agent_service_code: serviceCode,
        tracking_number: blankToNull(input.trackingNumber),
        tracking_url: blankToNull(input.trackingUrl),
        posted_by: actor.userName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('sales_shipment_lines')
      .values(
        plan.lines.map((line) => ({
          shipment_id: shipment.id,
          line_no: line.lineNo,
          sales_order_line_no: line.salesOrderLineNo,
          item_no: line.itemNo,
          description: line.description,
          location_code: line.locationCode,
          quantity: line.quantity,
          shopify_line_id: line.shopifyLineId,
        })),
      )
      .execute();
    for (const line of plan.lines)
      await trx
        .updateTable('document_lines')
        .set({
          quantity_shipped: sql<number>`quantity_shipped + ${line.quantity}`,
          released_quantity: sql<number>`released_quantity - ${line.releasedTaken}`,
        })
        .where('document_id', '=', order.id)
        .where('line_no', '=', line.salesOrderLineNo)
        .execute();
    const stocked = [];
    for (const line of plan.lines)
      if ((await findItemByNo(trx, line.itemNo))?.type !== 'service') stocked.push(line);
    await writeStockMovements(
      trx,
      stocked.map((line) => ({
        itemNo: line.itemNo,
        locationCode: line.locationCode,
        quantity: -line.quantity,
        kind: 'sale' as const,
        voucherType: 'sales_shipment' as const,
        voucherNo: number,
        voucherLineNo: line.lineNo,
      })),
    );
    await recordAudit(trx, {
      actor,
      action: 'shipments.sync',
      shopCode: input.shopCode,
      target: `shipment ${number} of ${target}`,
      request: { post: input },
      outcome: 'succeeded',
    });
    const [posted] = await loadShipments(trx, { number });
    return posted!;
  });
}

async function shopToday(trx: Kysely<Database>, shopCode: string, now: Date): Promise<string> {
  const shop = await trx
    .selectFrom('shops')
    .select('settings')
    .where('code', '=', shopCode)
    .executeTakeFirst();
  const timeZone = (shop?.settings as { timeZone?: string } | undefined)?.timeZone ?? 'UTC';
  return localDate(now.toISOString(), timeZone);
}

function blankToNull(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}
