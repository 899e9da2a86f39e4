import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { BooksDocument } from '../documents/sales-document.ts';
import type { RefundToBook } from './create-refund-documents.ts';

/** The sales orders the batch's changes apply to (their shipped units are read once). */
export function salesOrdersChanged(
  refunds: readonly RefundToBook[],
  targets: ReadonlyMap<string, BooksDocument[]>,
): number[] {
  return refunds.flatMap(({ decision }) => {
    const [first] = decision.documents;
    const [target] = (first && targets.get(first.appliesTo.number)) ?? [];
    const changes = decision.documents.some((d) => d.kind === 'sales_order_change');
    return changes && target?.type === 'sales_order' ? [target.id!] : [];
  });
}

/** What posted shipments took off each line of these sales orders, by document id and line no. */
export async function shippedByLine(
  trx: Kysely<Database>,
  documentIds: readonly number[],
): Promise<Map<number, Map<number, number>>> {
  const shipped = new Map<number, Map<number, number>>();
  if (documentIds.length === 0) return shipped;
  const rows = await trx
    .selectFrom('document_lines')
    .select(['document_id', 'line_no', 'quantity_shipped'])
    .where('document_id', 'in', [...new Set(documentIds)])
    .where('quantity_shipped', '>', 0)
    .execute();
  for (const row of rows) {
    const lines = shipped.get(row.document_id) ?? new Map<number, number>();
    lines.set(row.line_no, row.quantity_shipped);
    shipped.set(row.document_id, lines);
  }
  return shipped;
}
