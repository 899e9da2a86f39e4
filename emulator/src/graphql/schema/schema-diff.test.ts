import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { diffServedAgainstReal } from './schema-diff.ts';

// The subset check must itself catch what it guards against.
const real = buildSchema(`
  type Query { order(id: ID!): Order }
  type Order { id: ID! name: String! status: Status }
  enum Status { OPEN CLOSED }
`);

describe('diffServedAgainstReal', () => {
  it('finds no difference in a true subset', () => {
    const served = buildSchema(`type Query { order(id: ID!): Order } type Order { id: ID! }`);
    expect(diffServedAgainstReal(served, real).differences).toEqual([]);
  });

  it('reports retyped fields, invented fields, missing arguments and invented enum values', () => {
    const served = buildSchema(`
      type Query { order: Order }
      type Order { id: String! name: String! extra: String status: Status }
      enum Status { OPEN CLOSED LOST }
    `);
    expect(diffServedAgainstReal(served, real).differences).toEqual([
      'Query.order serves 0/1 inputs',
      'Order.id is String!, real ID!',
      'field Order.extra is not in the real schema',
      'enum value Status.LOST',
    ]);
  });
});
