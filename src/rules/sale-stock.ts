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
 */
export function saleStockMovements(document: {
  type: DocumentType;
  lines: readonly SaleStockLine[];
}): SaleStockMovement[] {
  if (document.type === 'sales_order') return [];
  return document.lines
    .filter((line) => line.type === 'item' && line.no !== null && line.quantity > 0)
    .map((line) => ({
      itemNo: line.no!,
      locationCode: line.locationCode,
      quantity: -line.quantity,
      lineNo: line.lineNo,
    }));
}
