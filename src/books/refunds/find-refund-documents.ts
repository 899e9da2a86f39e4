import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { findDocuments } from '../documents/documents-repository.ts';
import type { BooksDocument } from '../documents/sales-document.ts';

/**
 * The documents a refund already became (still linked to its order), in creation order: empty
 * when it has not been converted. Lets sync skip deciding a refund again: once its sales order
 * change is applied, the same decision would no longer fit the changed sales order.
 */
export async function findRefundDocuments(
  db: Kysely<Database>,
  input: { shopCode: string; shopifyRefundId: string },
): Promise<BooksDocument[]> {
  return findDocuments(db, {
    shopCode: input.shopCode,
    shopifyRefundId: input.shopifyRefundId,
    linkedOnly: true,
  });
}
