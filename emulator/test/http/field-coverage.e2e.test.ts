import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLCompositeType } from 'graphql';
import { getServedSchema } from '../../src/graphql/schema/served-schema.ts';
import { startHarness, type Harness } from './harness.ts';
import { createOrder } from './orders.ts';
import { selectEverything } from './selection-builder.ts';

// Every served field resolves without a GraphQL error on a shop with a shipped, returned and
// refunded order: no field is declared but left unresolved (non-null violations would show here).
let h: Harness;
let orderId: string;

beforeAll(async () => {
  h = await startHarness({ seed: { kind: 'demo', orders: 3 } });
  orderId = await createOrder(h, {
    tags: ['coverage'],
    shippingAddress: {
      address1: '1 Main',
      city: 'Albany',
      countryCode: 'US',
      zip: '12207',
      firstName: 'Ada',
    },
  });
  const fo = await h.gql<{ order: { fulfillmentOrders: { nodes: { id: string }[] } } }>(
    `query ($id: ID!) { order(id: $id) { fulfillmentOrders(first: 1) { nodes { id } } } }`,
    { id: orderId },
  );
  const shipped = await h.gql<{
    fulfillmentCreate: {
      fulfillment: { fulfillmentLineItems: { nodes: { id: string; lineItem: { id: string } }[] } };
    };
  }>(
    `mutation ($fo: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $fo }], trackingInfo: { number: "T1" } }) {
      fulfillment { fulfillmentLineItems(first: 5) { nodes { id lineItem { id } } } } userErrors { message } } }`,
    { fo: fo.data.order.fulfillmentOrders.nodes[0]!.id },
  );
  const line = shipped.data.fulfillmentCreate.fulfillment.fulfillmentLineItems.nodes[0]!;
  await h.gql(
    `mutation ($input: ReturnInput!) { returnCreate(returnInput: $input) { userErrors { message } } }`,
    {
      input: {
        orderId,
        returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReason: 'DEFECTIVE' }],
      },
    },
  );
  await h.gql(`mutation ($input: RefundInput!) { refundCreate(input: $input) { userErrors { message } } }`, {
    input: {
      orderId,
      shipping: { fullRefund: true },
      refundLineItems: [{ lineItemId: line.lineItem.id, quantity: 1, restockType: 'RETURN' }],
    },
  });
});
afterAll(() => h.emulator.close());

const type = (name: string) => getServedSchema().getType(name) as GraphQLCompositeType;

describe('every served field resolves', () => {
  it('on a shipped, returned and refunded order (depth 3)', async () => {
    const result = await h.gql(
      `query ($id: ID!) { order(id: $id) { ${selectEverything(getServedSchema(), type('Order'), 3)} } }`,
      { id: orderId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.order).toBeTruthy();
  });

  it.each(['shop', 'locations', 'products', 'productVariants', 'customers', 'companies', 'orders'])(
    'QueryRoot.%s',
    async (field) => {
      const root = getServedSchema().getQueryType()!.getFields()[field]!;
      const args = root.args.some((a) => a.name === 'first') ? '(first: 5)' : '';
      const result = await h.gql(
        `{ ${field}${args} { ${selectEverything(getServedSchema(), type(String(root.type).replace('!', '')), 2)} } }`,
      );
      expect(result.errors).toBeUndefined();
    },
  );
});
