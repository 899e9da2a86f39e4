import { formatMoney, type Money } from '../money/index.ts';
import type { ShopifyClient } from './client.ts';
import { ShopifyOrderNotFoundError, ShopifyUserError } from './errors.ts';
import { createFulfillment } from './fulfillments/index.ts';
import { legacyId, toGid } from './ids.ts';

/**
 * The Shopify side of the invoice export (seed 002 "Export posted sales invoices to Shopify"):
 * a draft order of custom items, completed into an order, then fulfilled. Amounts leave as
 * Shopify's decimal strings here and nowhere else.
 */
export interface InvoiceDraftOrderInput {
  /** Numeric id of the Shopify customer the order is for. */
  shopifyCustomerId: string;
  lines: readonly { title: string; sku: string | null; quantity: number; unitPrice: Money }[];
  taxExempt: boolean;
  /** A PaymentTermsTemplate GID: the order is completed with payment pending. */
  paymentTermsTemplateId: string | null;
  tags: readonly string[];
  customAttributes: readonly { key: string; value: string }[];
  note: string;
}

export interface InvoiceDraftOrder {
  draftOrderId: string;
  status: 'OPEN' | 'INVOICE_SENT' | 'COMPLETED';
  order: { shopifyOrderId: string; name: string } | null;
}

type UserErrors = { field: string[] | null; message: string }[];

interface DraftNode {
  legacyResourceId: string;
  status: InvoiceDraftOrder['status'];
  tags?: string[];
  order: { legacyResourceId: string; name: string } | null;
}

export async function createInvoiceDraftOrder(
  client: ShopifyClient,
  input: InvoiceDraftOrderInput,
): Promise<InvoiceDraftOrder> {
  const { data } = await client.request<{
    draftOrderCreate: { draftOrder: DraftNode | null; userErrors: UserErrors };
  }>('InvoiceDraftOrderCreate', { input: draftOrderInput(input) });
  const { draftOrder, userErrors } = data.draftOrderCreate;
  if (userErrors.length > 0 || !draftOrder) throw refused('draftOrderCreate', userErrors);
  return draftOf(draftOrder);
}

export async function completeInvoiceDraftOrder(
  client: ShopifyClient,
  draftOrderId: string,
): Promise<{ shopifyOrderId: string; name: string }> {
  const { data } = await client.request<{
    draftOrderComplete: { draftOrder: DraftNode | null; userErrors: UserErrors };
  }>('InvoiceDraftOrderComplete', { id: toGid('DraftOrder', draftOrderId) });
  const { draftOrder, userErrors } = data.draftOrderComplete;
  if (userErrors.length > 0 || !draftOrder?.order) throw refused('draftOrderComplete', userErrors);
  return { shopifyOrderId: draftOrder.order.legacyResourceId, name: draftOrder.order.name };
}

/**
 * The invoice's draft order made earlier: by the id kept locally, else by its tag (the draft was
 * made but its id never kept). Null when there is none.
 */
export async function findInvoiceDraftOrder(
  client: ShopifyClient,
  by: { draftOrderId: string | null; tag: string },
): Promise<InvoiceDraftOrder | null> {
  if (by.draftOrderId !== null) {
    const { data } = await client.request<{ draftOrder: DraftNode | null }>('InvoiceDraftOrder', {
      id: toGid('DraftOrder', by.draftOrderId),
    });
    if (data.draftOrder) return draftOf(data.draftOrder);
  }
  const { data } = await client.request<{ draftOrders: { nodes: DraftNode[] } }>('InvoiceDraftOrdersByTag', {
    query: `tag:'${by.tag}'`,
  });
  // The search matches words; only a draft carrying exactly our tag is ours. A completed one first.
  const ours = data.draftOrders.nodes.filter((node) => node.tags?.includes(by.tag));
  const found = ours.find((node) => node.order !== null) ?? ours[0];
  return found ? draftOf(found) : null;
}

interface FulfillmentOrderNode {
  id: string;
  status: string;
}

/**
 * seed 002 "The Fulfillment Status field shows Fulfilled": every open fulfillment order of the
 * order is fulfilled whole, without notifying the customer (tracking details do not go). A
 * fulfillment order already closed is skipped, so a re-run sends nothing twice. Answers how
 * many were fulfilled now.
 */
export async function fulfillInvoiceOrder(client: ShopifyClient, shopifyOrderId: string): Promise<number> {
  const { data } = await client.request<{
    order: { fulfillmentOrders: { nodes: FulfillmentOrderNode[] } } | null;
  }>('OrderFulfillmentOrders', { id: toGid('Order', shopifyOrderId) });
  if (!data.order) throw new ShopifyOrderNotFoundError(`Shopify order ${shopifyOrderId} was not found`);
  const open = data.order.fulfillmentOrders.nodes.filter((node) =>
    ['OPEN', 'IN_PROGRESS', 'SCHEDULED'].includes(node.status),
  );
  if (open.length === 0) return 0;
  const result = await createFulfillment(client, {
    lineItemsByFulfillmentOrder: open.map((node) => ({ fulfillmentOrderId: node.id })),
    trackingInfo: null,
    notifyCustomer: false,
  });
  if (!result.ok) throw refused('fulfillmentCreate', result.userErrors);
  return open.length;
}

function draftOrderInput(input: InvoiceDraftOrderInput) {
  return {
    purchasingEntity: { customerId: toGid('Customer', input.shopifyCustomerId) },
    lineItems: input.lines.map((line) => ({
      title: line.title,
      ...(line.sku !== null && { sku: line.sku }),
      quantity: line.quantity,
      originalUnitPriceWithCurrency: {
        amount: formatMoney(line.unitPrice),
        currencyCode: line.unitPrice.currency,
      },
      // seed 002: Shopify must not tax them again (the tax is a line of its own) nor ask to ship them.
      taxable: false,
      requiresShipping: false,
    })),
    taxExempt: input.taxExempt,
    ...(input.paymentTermsTemplateId !== null && {
      paymentTerms: { paymentTermsTemplateId: input.paymentTermsTemplateId },
    }),
    tags: [...input.tags],
    customAttributes: input.customAttributes.map(({ key, value }) => ({ key, value })),
    note: input.note,
  };
}

function draftOf(node: DraftNode): InvoiceDraftOrder {
  return {
    draftOrderId: legacyId(node.legacyResourceId),
    status: node.status,
    order: node.order ? { shopifyOrderId: node.order.legacyResourceId, name: node.order.name } : null,
  };
}

function refused(mutation: string, userErrors: UserErrors): ShopifyUserError {
  const detail = userErrors.map((e) => `${(e.field ?? []).join('.')}: ${e.message}`).join('; ');
  return new ShopifyUserError(`Shopify refused ${mutation}: ${detail || 'no object returned'}`, userErrors);
}
