import type { ValidationIssue } from '../../shared/errors.ts';
import type { SalesShipmentLine } from './sales-shipment.ts';

/** A sales order line as shipping sees it. */
export interface ShippableLine {
  lineNo: number;
  type: string;
  no: string | null;
  description: string;
  quantity: number;
  quantityShipped: number;
  releasedQuantity: number;
  locationCode: string | null;
  shopifyLineId: string | null;
}

export type RequestedLines = readonly { lineNo: number; quantity: number }[] | 'all';

/** A line of the shipment to post: the posted line but for the fulfillment, which comes when it is sent. */
export interface PlannedShipmentLine extends Omit<SalesShipmentLine, 'shopifyFulfillmentId'> {
  /** What the sales order line's released quantity goes down by (seed 004 4.6: no longer reserved). */
  releasedTaken: number;
}

/**
 * The shipment's lines from what was asked (pure): whole units of item lines, never more than
 * the line still has to ship; `all` ships every item line's remainder. Each bad request is named.
 */
export function planShipment(
  salesOrderNo: string,
  lines: readonly ShippableLine[],
  requested: RequestedLines,
): { ok: true; lines: PlannedShipmentLine[] } | { ok: false; issues: ValidationIssue[] } {
  const left = (line: ShippableLine) => line.quantity - line.quantityShipped;
  const items = lines.filter((line) => line.type === 'item' && line.no !== null);
  const wanted =
    requested === 'all'
      ? items.filter((line) => left(line) > 0).map((line) => ({ lineNo: line.lineNo, quantity: left(line) }))
      : requested;
  const issues: ValidationIssue[] = [];
  if (wanted.length === 0)
    issues.push({
      path: requested === 'all' ? 'all' : 'lines',
      message:
        requested === 'all'
          ? `sales order ${salesOrderNo} has nothing left to ship`
          : 'name at least one line to ship',
    });
  const seen = new Set<number>();
  const planned: PlannedShipmentLine[] = [];
  for (const [index, request] of wanted.entries()) {
    const path = `lines.${index}`;
    const line = lines.find((l) => l.lineNo === request.lineNo);
    if (seen.has(request.lineNo)) {
      issues.push({ path: `${path}.lineNo`, message: `line ${request.lineNo} is named twice` });
      continue;
    }
    seen.add(request.lineNo);
    if (!line) {
      issues.push({
        path: `${path}.lineNo`,
        message: `sales order ${salesOrderNo} has no line ${request.lineNo}`,
      });
      continue;
    }
    if (line.type !== 'item' || line.no === null) {
      issues.push({
        path: `${path}.lineNo`,
        message: `line ${line.lineNo} is a ${line.type} line and ships no goods`,
      });
      continue;
    }
    if (!Number.isSafeInteger(request.quantity) || request.quantity <= 0) {
      issues.push({
        path: `${path}.quantity`,
        message: `must be a whole number above 0, got ${request.quantity}`,
      });
      continue;
    }
    if (request.quantity > left(line)) {
      issues.push({
        path: `${path}.quantity`,
        message: `line ${line.lineNo} (${line.no}) has ${left(line)} left to ship, not ${request.quantity}`,
      });
      continue;
    }
    planned.push({
      lineNo: planned.length + 1,
      salesOrderLineNo: line.lineNo,
      itemNo: line.no,
      description: line.description,
      locationCode: line.locationCode,
      quantity: request.quantity,
      shopifyLineId: line.shopifyLineId,
      releasedTaken: Math.min(line.releasedQuantity, request.quantity),
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, lines: planned };
}
