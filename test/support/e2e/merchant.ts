import type { RunningEmulator } from '../../../emulator/src/index.ts';
import { decimal, defaultLines, newYork, totalCents, type OrderSpec } from './order-spec.ts';
import { ShopifyApi } from './shopify-api.ts';

export interface PlacedOrder {
  /** Shopify's numeric id as text, as storebridge keys orders. */
  id: string;
  gid: string;
  name: string;
}

interface FulfillmentOrders {
  order: {
    fulfillmentOrders: {
      nodes: { id: string; status: string; assignedLocation: { location: { id: string } | null } }[];
    };
  };
}

/**
 * A merchant (or their staff app) working in Shopify: places orders (REST POST orders.json),
 * edits them (orderEditBegin ... orderEditCommit), ships, takes payment, cancels and refunds,
 * all through Shopify's Admin API, never by touching the emulator's state.
 */
export class Merchant {
  readonly api: ShopifyApi;
  readonly #variants = new Map<string, number>();

  constructor(readonly emulator: RunningEmulator) {
    this.api = new ShopifyApi(emulator);
  }

  async placeOrder(spec: OrderSpec = {}): Promise<PlacedOrder> {
    const { order } = await this.api.rest<{
      order: { id: number; name: string; admin_graphql_api_id: string };
    }>('POST', 'orders.json', { order: await this.restOrder(spec) });
    return { id: String(order.id), gid: order.admin_graphql_api_id, name: order.name };
  }

  /** Shopify's order edit: set quantities (0 removes an item), add variants, then commit. */
  async editOrder(
    order: PlacedOrder,
    edit: { setQuantity?: { sku: string; quantity: number }[]; add?: { sku: string; quantity: number }[] },
  ): Promise<void> {
    const begun = await this.api.graphql<{
      orderEditBegin: {
        calculatedOrder: { id: string; lineItems: { nodes: { id: string; sku: string | null }[] } };
      };
    }>(
      `mutation Begin($id: ID!) { orderEditBegin(id: $id) {
        calculatedOrder { id lineItems(first: 50) { nodes { id sku } } } userErrors { field message } } }`,
      { id: order.gid },
    );
    const calculated = begun.orderEditBegin.calculatedOrder;
    for (const change of edit.setQuantity ?? []) {
      const line = calculated.lineItems.nodes.find((node) => node.sku === change.sku);
      if (!line) throw new Error(`order ${order.name} has no line with SKU ${change.sku}`);
      await this.api.graphql(
        `mutation Set($id: ID!, $line: ID!, $quantity: Int!) {
          orderEditSetQuantity(id: $id, lineItemId: $line, quantity: $quantity, restock: true) { userErrors { field message } } }`,
        { id: calculated.id, line: line.id, quantity: change.quantity },
      );
    }
    for (const addition of edit.add ?? []) {
      await this.api.graphql(
        `mutation Add($id: ID!, $variant: ID!, $quantity: Int!) {
          orderEditAddVariant(id: $id, variantId: $variant, quantity: $quantity) { userErrors { field message } } }`,
        {
          id: calculated.id,
          variant: `gid://shopify/ProductVariant/${await this.variantId(addition.sku)}`,
          quantity: addition.quantity,
        },
      );
    }
    await this.api.graphql(
      `mutation Commit($id: ID!) { orderEditCommit(id: $id, notifyCustomer: false, staffNote: "e2e edit") { userErrors { field message } } }`,
      { id: calculated.id },
    );
  }

  /** Ships every open fulfillment order in full (fulfillmentCreate). */
  async fulfil(order: PlacedOrder): Promise<void> {
    const open = (await this.fulfillmentOrders(order)).filter(
      (fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS',
    );
    if (open.length === 0) throw new Error(`order ${order.name} has nothing left to fulfil`);
    await this.api.graphql(
      `mutation Ship($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id } userErrors { field message } } }`,
      {
        fulfillment: {
          lineItemsByFulfillmentOrder: open.map((fo) => ({ fulfillmentOrderId: fo.id })),
          notifyCustomer: false,
        },
      },
    );
  }

  /** Records the payment of a pending order (orderMarkAsPaid): "update payment information". */
  async markAsPaid(order: PlacedOrder): Promise<void> {
    await this.api.graphql(
      `mutation Paid($input: OrderMarkAsPaidInput!) { orderMarkAsPaid(input: $input) { order { id } userErrors { field message } } }`,
      { input: { id: order.gid } },
    );
  }

  /** Shopify's "Change location" on an order's fulfillment order (fulfillmentOrderMove). */
  async moveFulfilment(order: PlacedOrder, toLocationName: string): Promise<void> {
    const [fulfillmentOrder] = await this.fulfillmentOrders(order);
    if (!fulfillmentOrder) throw new Error(`order ${order.name} has no fulfillment order`);
    await this.api.graphql(
      `mutation Move($id: ID!, $location: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $location) {
        movedFulfillmentOrder { id } userErrors { field message } } }`,
      {
        id: fulfillmentOrder.id,
        location: `gid://shopify/Location/${await this.locationId(toLocationName)}`,
      },
    );
  }

  /** orderCancel, refunding what was paid when `refund` (Shopify answers a job; the emulator runs it at once). */
  async cancel(order: PlacedOrder, options: { refund: boolean; restock: boolean }): Promise<void> {
    await this.api.graphql(
      `mutation Cancel($id: ID!, $refund: Boolean!, $restock: Boolean!) {
        orderCancel(orderId: $id, reason: CUSTOMER, refund: $refund, restock: $restock, notifyCustomer: false) {
          job { id } orderCancelUserErrors { field message code } } }`,
      { id: order.gid, ...options },
    );
  }

  /**
   * A refund made in Shopify's admin (seed 003): calculate it, then create it with the suggested
   * transactions, as an app following the Refund API does. Lines by SKU; restock `return` puts the
   * units back at the order's location.
   */
  async refund(
    order: PlacedOrder,
    request: {
      lines?: { sku: string; quantity: number; restock: 'return' | 'cancel' | 'no_restock' }[];
      shipping?: boolean;
      note?: string;
    },
  ): Promise<{ id: string }> {
    const { order: shown } = await this.api.rest<{
      order: { location_id: number | null; line_items: { id: number; sku: string | null }[] };
    }>('GET', `orders/${order.id}.json`);
    const locationId = shown.location_id ?? (await this.locationId('Warehouse'));
    const refundLineItems = (request.lines ?? []).map((line) => {
      const item = shown.line_items.find((candidate) => candidate.sku === line.sku);
      if (!item) throw new Error(`order ${order.name} has no line with SKU ${line.sku}`);
      return {
        line_item_id: item.id,
        quantity: line.quantity,
        restock_type: line.restock,
        ...(line.restock === 'no_restock' ? {} : { location_id: locationId }),
      };
    });
    const body = {
      refund: {
        refund_line_items: refundLineItems,
        ...(request.shipping && { shipping: { full_refund: true } }),
      },
    };
    const { refund: calculated } = await this.api.rest<{
      refund: { transactions: { parent_id: number; amount: string; gateway: string }[] };
    }>('POST', `orders/${order.id}/refunds/calculate.json`, body);
    const { refund } = await this.api.rest<{ refund: { id: number } }>(
      'POST',
      `orders/${order.id}/refunds.json`,
      {
        refund: {
          ...body.refund,
          note: request.note ?? 'e2e refund',
          transactions: calculated.transactions.map((t) => ({
            parent_id: t.parent_id,
            amount: t.amount,
            gateway: t.gateway,
            kind: 'refund',
          })),
        },
      },
    );
    return { id: String(refund.id) };
  }

  async addTags(order: PlacedOrder, tags: string[]): Promise<void> {
    await this.api.graphql(
      `mutation Tag($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { userErrors { field message } } }`,
      { id: order.gid, tags },
    );
  }

  async close(order: PlacedOrder): Promise<void> {
    await this.api.graphql(
      `mutation Close($input: OrderCloseInput!) { orderClose(input: $input) { order { id } userErrors { field message } } }`,
      { input: { id: order.gid } },
    );
  }

  /** The order as Shopify shows it now, for assertions (custom attributes, updatedAt). */
  async order(order: PlacedOrder) {
    const data = await this.api.graphql<{
      order: {
        updatedAt: string;
        customAttributes: { key: string; value: string | null }[];
        cancelledAt: string | null;
      };
    }>(`query Order($id: ID!) { order(id: $id) { updatedAt cancelledAt customAttributes { key value } } }`, {
      id: order.gid,
    });
    return data.order;
  }

  /** Shopify's on_hand per SKU and location (Shopify's numeric location id). */
  async onHand(): Promise<{ sku: string; locationId: string; onHand: number }[]> {
    const data = await this.api.graphql<{
      locations: {
        nodes: {
          legacyResourceId: string;
          inventoryLevels: {
            nodes: { quantities: { quantity: number }[]; item: { sku: string | null } }[];
          };
        }[];
      };
    }>(
      `query OnHand { locations(first: 5) { nodes { legacyResourceId inventoryLevels(first: 30) { nodes { quantities(names: ["on_hand"]) { quantity } item { sku } } } } } }`,
    );
    return data.locations.nodes.flatMap((location) =>
      location.inventoryLevels.nodes.flatMap((level) =>
        level.item.sku
          ? [
              {
                sku: level.item.sku,
                locationId: location.legacyResourceId,
                onHand: level.quantities[0]?.quantity ?? 0,
              },
            ]
          : [],
      ),
    );
  }

  async variantId(sku: string): Promise<number> {
    const known = this.#variants.get(sku);
    if (known !== undefined) return known;
    const data = await this.api.graphql<{
      productVariants: { nodes: { legacyResourceId: string; sku: string }[] };
    }>(
      `query Variant($query: String!) { productVariants(first: 5, query: $query) { nodes { legacyResourceId sku } } }`,
      { query: `sku:${sku}` },
    );
    const variant = data.productVariants.nodes.find((node) => node.sku === sku);
    if (!variant) throw new Error(`Shopify has no variant with SKU ${sku}`);
    this.#variants.set(sku, Number(variant.legacyResourceId));
    return Number(variant.legacyResourceId);
  }

  async locationId(name: string): Promise<number> {
    const { locations } = await this.api.rest<{ locations: { id: number; name: string }[] }>(
      'GET',
      'locations.json',
    );
    const location = locations.find((candidate) => candidate.name === name);
    if (!location) throw new Error(`Shopify has no location named ${name}`);
    return location.id;
  }

  async companyId(name: string): Promise<number> {
    const data = await this.api.graphql<{
      companies: { nodes: { id: string; name: string }[] };
    }>(`query Companies { companies(first: 10) { nodes { id name } } }`);
    const company = data.companies.nodes.find((node) => node.name === name);
    if (!company) throw new Error(`Shopify has no company named ${name}`);
    return Number(company.id.split('/').pop());
  }

  private async fulfillmentOrders(order: PlacedOrder) {
    const data = await this.api.graphql<FulfillmentOrders>(
      `query FulfillmentOrders($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) {
        nodes { id status assignedLocation { location { id } } } } } }`,
      { id: order.gid },
    );
    return data.order.fulfillmentOrders.nodes;
  }

  private async restOrder(spec: OrderSpec) {
    const lines = await Promise.all(
      (spec.lines ?? defaultLines).map(async (line) =>
        line.customPriceCents === undefined
          ? { variant_id: await this.variantId(line.sku), quantity: line.quantity }
          : {
              title: `Custom ${line.sku}`,
              sku: line.sku,
              price: decimal(line.customPriceCents),
              quantity: line.quantity,
            },
      ),
    );
    const shipping = spec.shipping === undefined ? { title: 'Standard', cents: 500 } : spec.shipping;
    const paid = spec.paid ?? true;
    const email = spec.email === undefined ? 'ada@example.com' : spec.email;
    return {
      email,
      ...(spec.phone !== undefined && { phone: spec.phone }),
      line_items: lines,
      shipping_lines: shipping
        ? [{ title: shipping.title, code: shipping.title.toUpperCase(), price: decimal(shipping.cents) }]
        : [],
      transactions: paid
        ? [{ kind: 'sale', status: 'success', gateway: 'manual', amount: decimal(totalCents(spec)) }]
        : [],
      ...(paid ? {} : { financial_status: 'pending' }),
      shipping_address: spec.shippingAddress === undefined ? newYork : spec.shippingAddress,
      billing_address: spec.billingAddress === undefined ? newYork : spec.billingAddress,
      tags: (spec.tags ?? []).join(', '),
      source_name: spec.sourceName ?? 'web',
      risk_level: spec.risk ?? 'LOW',
      inventory_behaviour: 'decrement_obeying_policy',
      ...(spec.fulfilled && { fulfillment_status: 'fulfilled' }),
      ...(spec.locationId !== undefined && { location_id: spec.locationId }),
      ...(spec.companyId !== undefined && { company_id: spec.companyId }),
    };
  }
}
