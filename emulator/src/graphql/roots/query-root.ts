import type { ShopState } from '../../domain/index.ts';
import { bulkOperationsOf } from '../../bulk/bulk-registry.ts';
import { bulkOperationView } from '../views/bulk-operation-view.ts';
import { byId, paginate, type ConnectionArgs } from '../connection.ts';
import { parseSearch } from '../search/parse-search.ts';
import { matchesDraftOrderQuery } from '../search/draft-order-search.ts';
import { draftOrderView } from '../views/draft-order-view.ts';
import { companyView, customerView } from '../views/customer-view.ts';
import { locationView, productView, variantView } from '../views/catalog-view.ts';
import { ordersConnection, ordersCount, type OrdersArgs } from '../views/orders-connection.ts';
import { shopView } from '../views/shop-view.ts';
import { lookupNode } from './node-lookup.ts';

type Search = ConnectionArgs & { query?: string | null };
type IdArg = { id: string };

/** Plain-text or `field:value` match for the catalogue searches (products, variants, customers). */
function matches(query: string | null | undefined, fields: Record<string, string | null>): boolean {
  return (
    parseSearch(query).some((group) =>
      group.every((term) => {
        const wanted = term.value.toLowerCase();
        const values = term.field === null ? Object.values(fields) : [fields[term.field] ?? null];
        return values.some((value) => value?.toLowerCase().includes(wanted)) !== term.negated;
      }),
    ) || parseSearch(query).length === 0
  );
}

/** QueryRoot: each field reads the live shop when the query runs. */
export function queryRoot(state: ShopState) {
  const data = state.data;
  return {
    shop: () => shopView(state),
    locations: (args: Search & { includeInactive?: boolean; includeLegacy?: boolean }) =>
      paginate(
        data.locations.filter(
          (l) =>
            (args.includeInactive || l.active) &&
            (args.includeLegacy || !l.legacy) &&
            matches(args.query, { name: l.name }),
        ),
        args,
        byId,
        (l) => locationView(state, l),
      ),
    // Without an id, Shopify returns the shop's primary location.
    location: (args: { id?: string | null }) => {
      if (args.id) return lookupNode(state, args.id, 'Location');
      const primary = data.locations.find((l) => l.active);
      return primary ? locationView(state, primary) : null;
    },
    products: (args: Search) =>
      paginate(
        data.products.filter((p) =>
          matches(args.query, {
            title: p.title,
            sku: p.variants.map((v) => v.sku ?? '').join(' '),
            vendor: p.vendor,
          }),
        ),
        args,
        byId,
        (p) => productView(state, p),
      ),
    product: (args: IdArg) => lookupNode(state, args.id, 'Product'),
    productVariants: (args: Search) =>
      paginate(
        data.products.flatMap((product) =>
          product.variants
            .filter((v) => matches(args.query, { sku: v.sku, title: v.title, product_title: product.title }))
            .map((variant) => ({ id: variant.id, product, variant })),
        ),
        args,
        byId,
        ({ product, variant }) => variantView(state, product, variant),
      ),
    inventoryItem: (args: IdArg) => lookupNode(state, args.id, 'InventoryItem'),
    customers: (args: Search) =>
      paginate(
        data.customers.filter((c) =>
          matches(args.query, {
            email: c.email,
            first_name: c.firstName,
            last_name: c.lastName,
            phone: c.phone,
          }),
        ),
        args,
        byId,
        (c) => customerView(state, c),
      ),
    customer: (args: IdArg) => lookupNode(state, args.id, 'Customer'),
    companies: (args: Search) =>
      paginate(
        data.companies.filter((c) => matches(args.query, { name: c.name, external_id: c.externalId })),
        args,
        byId,
        (c) => companyView(state, c),
      ),
    company: (args: IdArg) => lookupNode(state, args.id, 'Company'),
    orders: (args: OrdersArgs) => ordersConnection(state, data.orders, args),
    ordersCount: (args: { query?: string | null; limit?: number | null }) => ordersCount(data.orders, args),
    order: (args: IdArg) => lookupNode(state, args.id, 'Order'),
    draftOrder: (args: IdArg) => lookupNode(state, args.id, 'DraftOrder'),
    draftOrders: (args: Search) =>
      paginate(
        data.draftOrders.filter((draft) => matchesDraftOrderQuery(draft, args.query)),
        args,
        byId,
        (draft) => draftOrderView(state, draft),
      ),
    fulfillmentOrder: (args: IdArg) => lookupNode(state, args.id, 'FulfillmentOrder'),
    return: (args: IdArg) => lookupNode(state, args.id, 'Return'),
    refund: (args: IdArg) => lookupNode(state, args.id, 'Refund'),
    job: (args: IdArg) => lookupNode(state, args.id, 'Job'),
    currentBulkOperation: (args: { type?: 'QUERY' | 'MUTATION' }) => {
      const operation = bulkOperationsOf(state)?.current(args.type ?? 'QUERY');
      return operation ? bulkOperationView(operation) : null;
    },
    node: (args: IdArg) => lookupNode(state, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => lookupNode(state, id)),
  };
}
