import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

export interface StockLevel {
  itemNo: string;
  /** null for released lines that have no location (the shop maps none). */
  locationCode: string | null;
  /** Sum of the item's stock movements at the location. */
  onHand: number;
  /** Units reserved by released sales orders (seed 004 4.1 "Released: allocated but not fulfilled"). */
  released: number;
  /** seed 004 4.6: ATS = on hand - released. */
  availableToSell: number;
}

/** Stock per item x location, ordered by item then location; optionally one item's, one location's. */
export async function stockLevels(
  db: Kysely<Database>,
  filter: { itemNo?: string | undefined; locationCode?: string | undefined } = {},
): Promise<StockLevel[]> {
  let onHandQuery = db
    .selectFrom('stock_movements')
    .select(['item_no', 'location_code', sql<number>`sum(quantity)::bigint`.as('quantity')])
    .groupBy(['item_no', 'location_code']);
  let releasedQuery = db
    .selectFrom('document_lines')
    .innerJoin('documents', 'documents.id', 'document_lines.document_id')
    .select([
      'document_lines.no as item_no',
      'document_lines.location_code',
      sql<number>`sum(released_quantity)::bigint`.as('quantity'),
    ])
    .where('document_lines.type', '=', 'item')
    .where('documents.status', '=', 'released')
    .where('document_lines.released_quantity', '>', 0)
    .groupBy(['document_lines.no', 'document_lines.location_code']);
  if (filter.itemNo !== undefined) {
    onHandQuery = onHandQuery.where('item_no', '=', filter.itemNo);
    releasedQuery = releasedQuery.where('document_lines.no', '=', filter.itemNo);
  }
  if (filter.locationCode !== undefined) {
    onHandQuery = onHandQuery.where('location_code', '=', filter.locationCode);
    releasedQuery = releasedQuery.where('document_lines.location_code', '=', filter.locationCode);
  }
  const levels = new Map<string, StockLevel>();
  const level = (itemNo: string, locationCode: string | null) => {
    const key = JSON.stringify([itemNo, locationCode]);
    const found = levels.get(key) ?? { itemNo, locationCode, onHand: 0, released: 0, availableToSell: 0 };
    levels.set(key, found);
    return found;
  };
  for (const row of await onHandQuery.execute())
    level(row.item_no, row.location_code).onHand += Number(row.quantity);
  for (const row of await releasedQuery.execute())
    if (row.item_no !== null) level(row.item_no, row.location_code).released += Number(row.quantity);
  return [...levels.values()]
    .map((l) => ({ ...l, availableToSell: l.onHand - l.released }))
    .sort(
      (a, b) =>
        a.itemNo.localeCompare(b.itemNo) || (a.locationCode ?? '').localeCompare(b.locationCode ?? ''),
    );
}
