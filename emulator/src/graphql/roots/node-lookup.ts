import {
  findFulfillment,
  findFulfillmentOrder,
  findOrder,
  findOrderPart,
  findReturn,
  pollJob,
  type Job,
  type Order,
  type OrderPartList,
  type ShopState,
} from '../../domain/index.ts';
import { bulkOperationsOf } from '../../bulk/bulk-registry.ts';
import { orThrow } from '../domain-errors.ts';
import { parseGid, requireGid } from '../gid.ts';
import { inventoryItemView, locationView, productView, variantView } from '../views/catalog-view.ts';
import { companyView, customerView } from '../views/customer-view.ts';
import { draftOrderView } from '../views/draft-order-view.ts';
import { fulfillmentOrderView, fulfillmentView } from '../views/fulfillment-view.ts';
import { lineItemView } from '../views/order-lines-view.ts';
import { orderView } from '../views/order-view.ts';
import { refundView } from '../views/refund-view.ts';
import { returnView } from '../views/return-view.ts';
import { bulkOperationView } from '../views/bulk-operation-view.ts';
import { transactionView } from '../views/transaction-view.ts';
import { queryRoot } from './query-root.ts';

type Lookup = (state: ShopState, id: number, raw: string) => unknown;

const inOrders =
  <K extends OrderPartList>(
    list: K,
    view: (state: ShopState, order: Order, item: Order[K][number]) => unknown,
  ): Lookup =>
  (state, id) => {
    const found = findOrderPart(state, list, id);
    return found ? view(state, found.order, found.part) : null;
  };

/** How each Node type the emulator serves is found from its gid. */
const lookups: Record<string, Lookup> = {
  Order: (state, id) => {
    const order = findOrder(state, id);
    return order ? orderView(state, order) : null;
  },
  LineItem: inOrders('lineItems', lineItemView),
  OrderTransaction: inOrders('transactions', transactionView),
  Refund: inOrders('refunds', refundView),
  Return: (state, id) => {
    const found = findReturn(state, id);
    return found ? returnView(state, found.order, found.item) : null;
  },
  FulfillmentOrder: (state, id) => {
    const found = findFulfillmentOrder(state, id);
    return found ? fulfillmentOrderView(state, found.order, found.fulfillmentOrder) : null;
  },
  Fulfillment: (state, id) => {
    const found = findFulfillment(state, id);
    return found ? fulfillmentView(state, found.order, found.fulfillment) : null;
  },
  Product: (state, id) => {
    const product = state.data.products.find((p) => p.id === id);
    return product ? productView(state, product) : null;
  },
  ProductVariant: (state, id) => {
    const product = state.data.products.find((p) => p.variants.some((v) => v.id === id));
    const variant = product?.variants.find((v) => v.id === id);
    return product && variant ? variantView(state, product, variant) : null;
  },
  InventoryItem: (state, id) => {
    const item = state.data.inventoryItems.find((i) => i.id === id);
    return item ? inventoryItemView(state, item) : null;
  },
  Location: (state, id) => {
    const location = state.data.locations.find((l) => l.id === id);
    return location ? locationView(state, location) : null;
  },
  Customer: (state, id) => {
    const customer = state.data.customers.find((c) => c.id === id);
    return customer ? customerView(state, customer) : null;
  },
  Company: (state, id) => {
    const company = state.data.companies.find((c) => c.id === id);
    return company ? companyView(state, company) : null;
  },
  BulkOperation: (state, id) => {
    const operation = bulkOperationsOf(state)?.find(id);
    return operation ? bulkOperationView(operation) : null;
  },
  DraftOrder: (state, id) => {
    const draft = state.data.draftOrders.find((d) => d.id === id);
    return draft ? draftOrderView(state, draft) : null;
  },
};

/** A Node by gid, or null when the gid names nothing this shop has (as Shopify's `node`). */
export function lookupNode(state: ShopState, value: string, expectedType?: string): unknown {
  // A malformed id is an error on Shopify ("Invalid global id"); a well-formed unknown one is null.
  const parsed = parseGid(value) ?? requireGid(value);
  if (expectedType && parsed.type !== expectedType) return null;
  if (parsed.type === 'Job') return orThrow(() => jobView(state, value));
  const lookup = lookups[parsed.type];
  if (!lookup || !/^\d+$/.test(parsed.id)) return null;
  return lookup(state, Number(parsed.id), value);
}

/** Polling a job is what completes it (domain jobs.ts): Shopify's `job` query reports progress. */
export function jobView(state: ShopState, id: string) {
  return jobPayloadView(state, pollJob(state, id));
}

export function jobPayloadView(state: ShopState, job: Job) {
  return { __typename: 'Job', id: job.id, done: job.done, query: () => queryRoot(state) };
}
