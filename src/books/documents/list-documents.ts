import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { findDocuments } from './documents-repository.ts';
import { parseOrderRef } from './order-ref.ts';
import type { BooksDocument } from './sales-document.ts';

/**
 * A shop's documents, or one order's (given as numeric id, GID or name). Names are unique only
 * within a shop (seed 004 3.3), which the shop code guarantees here. A number that is no order id
 * of the shop is tried as the order name ("1001" -> "#1001"), as people type it.
 */
export async function listDocuments(
  db: Kysely<Database>,
  input: { shopCode: string; order?: string | undefined },
): Promise<BooksDocument[]> {
  if (input.order === undefined) return findDocuments(db, { shopCode: input.shopCode });
  const ref = parseOrderRef(input.order);
  if ('name' in ref) return findDocuments(db, { shopCode: input.shopCode, shopifyOrderName: ref.name });
  const byId = await findDocuments(db, { shopCode: input.shopCode, shopifyOrderId: ref.id });
  if (byId.length > 0 || input.order.startsWith('gid:')) return byId;
  return findDocuments(db, { shopCode: input.shopCode, shopifyOrderName: `#${ref.id}` });
}
