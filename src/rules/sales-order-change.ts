import { negate, sum } from '../money/index.ts';
import type {
  DocumentLineState,
  RefundProblem,
  SalesOrderChangeDraft,
  SalesOrderChangeLine,
  StockEffect,
} from './refund-decision.ts';
import type { RefundPart } from './refund-parts.ts';
import { documentLine, type Drafted, type HeaderFields } from './credit-memo.ts';
import { documentTotals } from './document-totals.ts';
import { itemOf, targetOf, type TargetContext } from './refund-targets.ts';

/** The sales order the refund changes, with its lines as the books hold them. */
export interface OpenSalesOrder {
  stage: 'open' | 'released' | 'waived';
  lines: readonly DocumentLineState[];
}

interface Room {
  quantity: number;
  released: number;
}

/**
 * A refund of an order the books have not shipped yet (seed 004 4.1: "Released: Order allocated
 * but not fulfilled -> Refunds may create adjustments"; "Waived: Allocation removed"): there is no
 * invoice to credit, so the sales order itself is changed. Each refunded line comes off its sales
 * order line (quantity, amount and tax, exactly as a sales order made after the refund would
 * have left it out) and frees its allocation. Units not restocked are "permanently removed via
 * adjustment" (seed 004 4.4). Shipping refunds reduce the shipping line; other amounts and
 * exchange items are added as new lines.
 */
export function salesOrderChange(
  context: TargetContext,
  salesOrder: OpenSalesOrder,
  parts: readonly RefundPart[],
  header: HeaderFields,
): Drafted<SalesOrderChangeDraft> | RefundProblem[] {
  if (parts.length === 0) return { document: null, stock: [] };
  const rooms = new Map<number, Room>(
    salesOrder.lines.map((l) => [l.lineNo, { quantity: l.quantity, released: l.releasedQuantity }]),
  );
  const problems: RefundProblem[] = [];
  const lines: SalesOrderChangeLine[] = [];
  const stock: StockEffect[] = [];
  parts.forEach((part, index) => {
    const changed = part.refundLine
      ? reduceLine(context, salesOrder, rooms, part, index + 1)
      : part.reason === 'shipping'
        ? reduceShipping(context, salesOrder, part, index + 1)
        : addLine(context, salesOrder, part, index + 1);
    if ('code' in changed) return void problems.push(changed);
    lines.push(changed.line);
    stock.push(...changed.stock);
  });
  if (problems.length > 0) return problems;
  return {
    document: { ...header, kind: 'sales_order_change', lines, ...documentTotals(lines, header.currency) },
    stock,
  };
}

type Changed = { line: SalesOrderChangeLine; stock: StockEffect[] } | RefundProblem;

function reduceLine(
  context: TargetContext,
  salesOrder: OpenSalesOrder,
  rooms: Map<number, Room>,
  part: RefundPart,
  lineNo: number,
): Changed {
  const candidates = salesOrder.lines.filter((l) => l.shopifyLineId === part.shopifyLineId);
  const line = candidates.find((l) => rooms.get(l.lineNo)!.quantity >= part.quantity);
  if (!line) return lineProblem(context, candidates.length === 0, part);
  const room = rooms.get(line.lineNo)!;
  const release = Math.min(part.quantity, room.released);
  rooms.set(line.lineNo, { quantity: room.quantity - part.quantity, released: room.released - release });
  const stock: StockEffect[] = [];
  if (line.type === 'item' && !part.orderLine!.isGiftCard) {
    const item = itemOf(context, part);
    if ('code' in item) return item;
    const base = { itemNo: item.no, locationCode: line.locationCode, shopifyLineId: part.shopifyLineId! };
    if (release > 0) stock.push({ kind: 'allocation_released', ...base, onHand: 0, released: -release });
    if (item.type === 'inventory' && part.reason === 'not_restocked')
      stock.push({ kind: 'adjustment_out', ...base, onHand: -part.quantity, released: 0 });
  }
  return { line: changeLine(part, line, lineNo, -release), stock };
}

function lineProblem(context: TargetContext, missing: boolean, part: RefundPart): RefundProblem {
  const where = `refund ${context.refund.shopifyId} of order ${context.order.name}`;
  return missing
    ? {
        code: 'document_line_not_found',
        field: part.field,
        message: `Order line ${part.shopifyLineId} (${part.description}) of ${where} is on no line of the sales order`,
      }
    : {
        code: 'quantity_exceeds_document',
        field: part.field,
        message: `${where} takes ${part.quantity} of order line ${part.shopifyLineId} (${part.description}), more than its sales order line still holds`,
      };
}

function reduceShipping(
  context: TargetContext,
  salesOrder: OpenSalesOrder,
  part: RefundPart,
  lineNo: number,
): Changed {
  const line = salesOrder.lines.find((l) => l.shopifyLineId === part.shopifyLineId);
  if (!line) return addLine(context, salesOrder, part, lineNo);
  // A shipping refund lowers the charge and the line stays on the order: no quantity comes off,
  // the refunded amount shows as a (negative) discount change, so the figures still add up.
  const change = changeLine(part, line, lineNo, 0);
  const gross = sum(
    [part.amount, ...(context.order.taxesIncluded ? [part.taxAmount] : [])],
    part.amount.currency,
  );
  return { line: { ...change, quantity: 0, lineDiscount: negate(gross) }, stock: [] };
}

function changeLine(
  part: RefundPart,
  line: DocumentLineState,
  lineNo: number,
  releasedQuantityChange: number,
): SalesOrderChangeLine {
  // The sales order line's own target: its type (a comment line changes as an account line), no. and location.
  const target = {
    type: line.type === 'comment' ? ('gl_account' as const) : line.type,
    no: line.no ?? '',
    locationCode: line.locationCode,
    stocked: false,
  };
  return { ...documentLine(part, target, lineNo), salesOrderLineNo: line.lineNo, releasedQuantityChange };
}

/** A new line: other amounts on the refund account, or an exchange item the order now also ships. */
function addLine(
  context: TargetContext,
  salesOrder: OpenSalesOrder,
  part: RefundPart,
  lineNo: number,
): Changed {
  const target = targetOf(context, part);
  if ('code' in target) return target;
  // A released order reserves what it adds, like auto release does for a new sales order.
  const reserve = salesOrder.stage === 'released' && target.stocked ? -part.quantity : 0;
  const line = {
    ...documentLine(part, target, lineNo),
    salesOrderLineNo: null,
    releasedQuantityChange: reserve,
  };
  const stock: StockEffect[] =
    reserve > 0
      ? [
          {
            kind: 'allocation_reserved',
            itemNo: target.no,
            locationCode: target.locationCode,
            onHand: 0,
            released: reserve,
            shopifyLineId: part.shopifyLineId!,
          },
        ]
      : [];
  return { line, stock };
}
