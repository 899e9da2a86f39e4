import { execute, getOperationAST, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createShopState, type ShopState } from '../domain/index.ts';
import { simulate } from '../simulator/run-simulation.ts';
import { executeFast } from './fast-execute.ts';
import { queryRoot } from './roots/query-root.ts';
import { getServedSchema } from './schema/served-schema.ts';

// executeFast must answer exactly as graphql-js does (it stands in for it on the hot path), or
// hand the call back (undefined) whenever graphql-js would do more than complete plain values.
const money = '{ shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }';
const wideQuery = `
  query Wide($first: Int!, $query: String, $reverse: Boolean) {
    __typename
    orders(first: $first, query: $query, sortKey: UPDATED_AT, reverse: $reverse) {
      edges { cursor node { ...Head id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      again: nodes { __typename name totalPriceSet ${money} }
    }
  }
  fragment Head on Order {
    id name updatedAt displayFinancialStatus displayFulfillmentStatus tags
    customer { legacyResourceId email }
    purchasingEntity { __typename ... on PurchasingCompany { company { id name } } ... on Customer { id } }
    billingAddress { name formatted(withName: true) }
    currentTotalPriceSet ${money}
    lineItems(first: 5) {
      nodes {
        id sku quantity currentQuantity refundableQuantity unfulfilledQuantity
        discountedTotalSet(withCodeDiscounts: true) ${money}
        originalUnitPriceSet ${money}
        discountAllocations {
          allocatedAmountSet ${money}
          discountApplication { __typename targetType ... on DiscountCodeApplication { code } value { __typename ... on MoneyV2 { amount } ... on PricingPercentageValue { percentage } } }
        }
        taxLines(first: 2) { title rate priceSet ${money} }
        variant { sku product { title } }
      }
    }
    transactions(first: 5) { kind status amountSet ${money} parentTransaction { id } }
    fulfillmentOrders(first: 2) { nodes { id status lineItems(first: 3) { nodes { remainingQuantity lineItem { id } } } } }
    fulfillments(first: 3) { id status location { legacyResourceId } fulfillmentLineItems(first: 5) { edges { node { quantity lineItem { id } } } } }
    refunds(first: 2) { id totalRefundedSet ${money} refundLineItems(first: 3) { nodes { quantity restockType lineItem { id } subtotalSet ${money} } } }
    returns(first: 2) { nodes { id status returnLineItems(first: 3) { nodes { ... on ReturnLineItem { quantity refundableQuantity } } } } }
  }`;

let state: ShopState;
const schema = getServedSchema();

beforeAll(() => {
  state = createShopState({ clock: () => new Date('2025-06-01T12:00:00Z') });
  simulate(state, { orders: 80, seed: 'fast-execute' });
});

async function both(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const fast = executeFast(schema, document, operation, queryRoot(state), variables);
  const reference = await execute({
    schema,
    document,
    rootValue: queryRoot(state),
    variableValues: variables,
  });
  return { fast, reference };
}

describe('executeFast', () => {
  it.each([
    { first: 20, query: null, reverse: false },
    { first: 7, query: 'financial_status:paid OR tag:refund-pending', reverse: true },
    { first: 50, query: "updated_at:>='2025-05-20'", reverse: false },
  ])('answers as graphql-js does: $query, first $first', async (variables) => {
    const { fast, reference } = await both(wideQuery, variables);
    expect(reference.errors).toBeUndefined();
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  });

  it('answers the lookups by id that the import sends', async () => {
    const order = state.data.orders.find((o) => o.refunds.length > 0)!;
    const query = `query($id: ID!, $refund: ID!) {
      order(id: $id) { id fulfillmentOrders(first: 10) { nodes { id } pageInfo { hasNextPage endCursor } } }
      refund(id: $refund) { refundLineItems(first: 25) { nodes { quantity } } transactions(first: 20) { nodes { id } } }
    }`;
    const variables = {
      id: `gid://shopify/Order/${order.id}`,
      refund: `gid://shopify/Refund/${order.refunds[0]!.id}`,
    };
    const { fast, reference } = await both(query, variables);
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  });

  it.each([
    [
      'a directive',
      'query($on: Boolean!) { orders(first: 1) { nodes { id @include(if: $on) } } }',
      { on: true },
    ],
    ['a resolver error', '{ orders(first: 1, after: "not a cursor") { nodes { id } } }', {}],
    ['a root that polls jobs', '{ node(id: "gid://shopify/Order/1") { id } }', {}],
    ['invalid variables', 'query($n: Int!) { orders(first: $n) { nodes { id } } }', { n: 'x' }],
    ['introspection', '{ __type(name: "Order") { name } }', {}],
  ])('hands %s back to graphql-js', async (_name, query, variables) => {
    const { fast } = await both(query, variables);
    expect(fast).toBeUndefined();
  });
});
