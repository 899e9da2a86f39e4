import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Every GraphQL operation storebridge sends lives in its own `.graphql` file under
 * `graphql/`, named after the operation, so that a test can validate each one against
 * Shopify's real schemas and a reviewer sees exactly what we ask Shopify for. Fragments shared by
 * several operations live in `graphql/fragments/`, one per file named after the fragment; an
 * operation's text is sent with the fragments it spreads, transitively.
 */
export const operationsFolder = join(import.meta.dirname, 'graphql');
export const fragmentsFolder = join(operationsFolder, 'fragments');

export const operationNames = [
  'ShopInfo',
  'AppAccess',
  'Locations',
  'OrdersPage',
  'OrderById',
  'OrderLineItems',
  'OrderShippingLines',
  'OrderTransactions',
  'OrderFulfillmentOrders',
  'OrderFulfillmentIds',
  'FulfillmentById',
  'OrderRefundIds',
  'RefundById',
  'OrderReturns',
  'FulfillmentOrderLineItems',
  'FulfillmentLineItems',
  'RefundLineItems',
  'RefundShippingLines',
  'RefundAdjustments',
  'RefundTransactions',
  'ReturnLineItems',
  'ReturnExchangeLineItems',
  'OrderAttributes',
  'OrderSetAttributes',
  'OrdersDeepParts',
  'OrdersRefunds',
  'OrderPartsByIds',
  'OrdersCount',
  'BulkOrdersExport',
  'BulkOperationRunQuery',
  'BulkOperationById',
  'InventoryLevels',
  'WebhookSubscriptions',
  'WebhookSubscriptionCreate',
  'WebhookSubscriptionUpdate',
  'WebhookSubscriptionDelete',
  'OrderSuggestedRefund',
  'RefundCreate',
  'OrderCancel',
  'OrderMarkAsPaid',
  'OrderClose',
  'ShipmentFulfillmentOrders',
  'FulfillmentCreate',
  'InvoiceDraftOrderCreate',
  'InvoiceDraftOrderComplete',
  'InvoiceDraftOrder',
  'InvoiceDraftOrdersByTag',
] as const;

export type OperationName = (typeof operationNames)[number];

const cache = new Map<string, string>();

export function operationText(name: OperationName): string {
  let text = cache.get(name);
  if (text === undefined) {
    const own = readFileSync(join(operationsFolder, `${name}.graphql`), 'utf8');
    text = [own, ...fragmentsUsedBy(own).map(fragmentText)].join('\n');
    cache.set(name, text);
  }
  return text;
}

/** All operation files on disk, for the schema validation test. */
export function allOperationFiles(): string[] {
  return readdirSync(operationsFolder)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => join(operationsFolder, file));
}

/** The operation name a file holds (its file name). */
export function operationNameOf(file: string): string {
  return basename(file).replace(/\.graphql$/, '');
}

/** `...Name` spreads (not `... on Type`), followed through the fragment files, each once. */
function fragmentsUsedBy(text: string, seen = new Set<string>()): string[] {
  for (const match of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
    const name = match[1]!;
    if (name === 'on' || seen.has(name)) continue;
    seen.add(name);
    fragmentsUsedBy(fragmentText(name), seen);
  }
  return [...seen].sort();
}

function fragmentText(name: string): string {
  let text = cache.get(`fragment:${name}`);
  if (text === undefined) {
    text = readFileSync(join(fragmentsFolder, `${name}.graphql`), 'utf8');
    cache.set(`fragment:${name}`, text);
  }
  return text;
}
