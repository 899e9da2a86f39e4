import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import { invoiceAttributeKey } from '../../rules/invoice-export.ts';
import { linkInvoiceToOrder } from './invoice-exports-repository.ts';

/**
 * seed 002 "Effect on the process of synchronizing orders": an order our invoice export made
 * comes back through the normal import, which must mark it processed and link it to the posted
 * invoice, not make a second sales document (nor take stock or post G/L twice). The export
 * writes the order id on the invoice once Shopify made the order; when the order's webhook is
 * imported before that (the export died, or is still on its way), the order's note attribute
 * names the invoice, and the link is made here, in the import's transaction. Afterwards the
 * import finds the invoice as the order's document (by order id) and creates nothing. The export
 * state is left to the export, which still completes and fulfils the order and then records it.
 */
export async function linkExportedInvoices(
  trx: Kysely<Database>,
  shopCode: string,
  orders: readonly Pick<Order, 'shopifyId' | 'name' | 'customAttributes'>[],
): Promise<void> {
  const wanted = new Map<string, Pick<Order, 'shopifyId' | 'name'>>();
  for (const order of orders) {
    const invoiceNo = order.customAttributes.find((a) => a.key === invoiceAttributeKey)?.value;
    if (invoiceNo) wanted.set(invoiceNo, order);
  }
  if (wanted.size === 0) return;
  const rows = await trx
    .selectFrom('invoice_exports')
    .innerJoin('documents', 'documents.id', 'invoice_exports.document_id')
    .select(['invoice_exports.document_id', 'invoice_exports.document_no', 'documents.shopify_order_id'])
    .where('invoice_exports.shop_code', '=', shopCode)
    .where('invoice_exports.document_no', 'in', [...wanted.keys()])
    .execute();
  for (const row of rows) {
    const order = wanted.get(row.document_no)!;
    // Linked already (by the export or an earlier import), or to another order: leave it.
    if (row.shopify_order_id !== '') continue;
    await linkInvoiceToOrder(trx, row.document_id, { shopifyOrderId: order.shopifyId, name: order.name });
  }
}
