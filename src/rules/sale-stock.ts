import type { DocumentType, LineType } from './sales-document.ts';

export interface SaleStockLine {
  lineNo: number;
  type: LineType;
  no: string | null;
  quantity: number;
  locationCode: string | null;
}

export interface SaleStockMovement {
  itemNo: string;
  locationCode: string | null;
  /** Negative: the units leave stock. */
  quantity: number;
  lineNo: number;
}

/**
 * What a sales document takes out of stock (issue 6 item 4, seed 004 4.6). A sales invoice or a
 * cash sale documents goods already shipped in Shopify: each item line's units leave its
 * location. A sales order only reserves them (its released quantity, seed 004 "Released"); they
 * leave when it is shipped and invoiced. G/L account lines (shipping, tips, gift cards sold) and
 * comments carry no goods.
 *
 * Goods shipped before the stock was counted from Shopify (the shop's `stockCountedAt`, the
 * opening stock) are already out of that count: an accountant's cut-off, so a backfill of older
 * orders does not take them out twice.
 */
export function saleStockMovements(
  document: { type: DocumentType; lines: readonly SaleStockLine[] },
  counted: { shippedAt: string; stockCountedAt?: string | undefined } | null = null,
): SaleStockMovement[] {
  if (document.type === 'sales_order') return [];
  if (counted && countedBefore(counted.shippedAt, counted.stockCountedAt)) return [];
  return document.lines
    .filter((line) => line.type === 'item' && line.no !== null && line.quantity > 0)
    .map((line) => ({
      itemNo: line.no!,
      locationCode: line.locationCode,
      quantity: -line.quantity,
      lineNo: line.lineNo,
    }));
}

/** When Shopify last shipped goods of the order: its latest fulfilment, else when it was processed (POS). */
export function shippedAt(order: {
  processedAt: string;
  fulfillments: readonly { createdAt: string }[];
}): string {
  return order.fulfillments.reduce(
    (latest, f) => (Date.parse(f.createdAt) > Date.parse(latest) ? f.createdAt : latest),
    order.fulfillments[0]?.createdAt ?? order.processedAt,
  );
}

function countedBefore(shipped: string, stockCountedAt: string | undefined): boolean {
  return stockCountedAt !== undefined && Date.parse(shipped) <= Date.parse(stockCountedAt);
}
