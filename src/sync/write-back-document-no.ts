import type { Order } from '../domain/order.ts';
import { AppError } from '../shared/errors.ts';
import type { ShopConnection } from '../shops/index.ts';
import { documentNoAttributeKey, type DocumentSummary, type SyncDeps } from './ports.ts';

export type WriteBack =
  | { status: 'off' }
  | { status: 'written'; key: string; value: string }
  | { status: 'failed'; message: string };

/**
 * seed 002 "Add ... Doc. No. as Attribute": after the documents are committed (never inside the
 * transaction), the document numbers go back to the order as a custom attribute. Shopify then
 * sends the order again; staging sees only our own attribute changed and ignores it. A failure
 * is reported, not thrown: the documents exist and the import stands.
 */
export async function writeBackDocumentNo(
  deps: SyncDeps,
  connection: ShopConnection,
  order: Order,
  documents: readonly DocumentSummary[],
): Promise<WriteBack> {
  const numbers = documents.flatMap((d) => (d.number === null ? [] : [d.number]));
  if (!connection.settings.writeDocumentNoAsAttribute || numbers.length === 0) return { status: 'off' };
  const value = numbers.join(', ');
  const current = order.customAttributes.find((a) => a.key === documentNoAttributeKey);
  if (current?.value === value) return { status: 'written', key: documentNoAttributeKey, value };
  try {
    await deps.sourceFor(connection).setOrderAttribute(order.shopifyId, documentNoAttributeKey, value);
    return { status: 'written', key: documentNoAttributeKey, value };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    deps.logger?.warn(
      { shopifyOrderId: order.shopifyId, code: error.code },
      'document no. write-back failed',
    );
    return {
      status: 'failed',
      message: `${order.name}: the document no. was not written to Shopify: ${error.message}`,
    };
  }
}
