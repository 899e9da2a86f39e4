import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { calculateQueryCost } from './cost.ts';
import { getServedSchema } from './schema/served-schema.ts';

function cost(query: string, data?: unknown, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = document.definitions.filter(
    (d) => d.kind === Kind.FRAGMENT_DEFINITION,
  ) as FragmentDefinitionNode[];
  return calculateQueryCost(getServedSchema(), operation, fragments, variables, data);
}

// Examples from Shopify's "GraphQL Admin API rate limits" doc and its engineering post
// "Rate limiting GraphQL APIs by calculating query complexity".
describe('requested query cost (Shopify documented examples)', () => {
  it.each([
    {
      name: 'an object with scalars costs 1',
      query: '{ shop { id name timezoneOffsetMinutes } }',
      expected: 1,
    },
    { name: 'scalars and enums cost 0', query: '{ shop { currencyCode weightUnit } }', expected: 1 },
    {
      name: 'a connection costs 2 + first x node',
      query: '{ orders(first: 5) { edges { node { id } } } }',
      expected: 7,
    },
    {
      name: 'pageInfo and cursors are free',
      query: '{ orders(first: 5) { edges { cursor node { id } } pageInfo { hasNextPage } } }',
      expected: 7,
    },
    { name: 'nodes count like edges.node', query: '{ orders(last: 3) { nodes { id } } }', expected: 5 },
    {
      name: 'nested connections multiply: 2 + 10 x (1 + 2 + 5 x 1)',
      query:
        '{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { title } } } } } } }',
      expected: 82,
    },
    {
      name: 'a mutation costs 10',
      query:
        'mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["a"]) { node { id } userErrors { field message } } }',
      expected: 10,
    },
    {
      name: 'an interface costs the maximum of its possible selections',
      query: '{ node(id: "gid://shopify/Order/1") { id ... on Order { customer { id } } } }',
      expected: 2,
    },
  ])('$name', ({ query, expected }) => {
    expect(cost(query).requested).toBe(expected);
  });

  it('reads first from variables', () => {
    expect(
      cost('query($n: Int) { orders(first: $n) { nodes { id } } }', undefined, { n: 50 }).requested,
    ).toBe(52);
  });
});

describe('actual query cost (from the returned data)', () => {
  it('counts only the nodes a connection returned', () => {
    const data = { orders: { edges: [{ node: { id: 'a' } }, { node: { id: 'b' } }] } };
    expect(cost('{ orders(first: 5) { edges { node { id } } } }', data)).toEqual({ requested: 7, actual: 4 });
  });

  it('charges a null object only its own lookup', () => {
    const data = { order: null };
    expect(cost('{ order(id: "gid://shopify/Order/1") { id customer { id } } }', data)).toEqual({
      requested: 2,
      actual: 1,
    });
  });
});
