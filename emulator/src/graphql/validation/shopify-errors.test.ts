import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { executeGraphql } from '../execute-graphql.ts';
import { getServedSchema } from '../schema/served-schema.ts';

const noRoots = { query: () => ({}), mutation: () => ({}) };
const run = (query: string) => executeGraphql(getServedSchema(), { query }, noRoots);

// Shapes follow graphql-ruby's static validation errors, which Shopify's Admin API returns.
describe('validation errors in Shopify shape', () => {
  it('unknown field: undefinedField with typeName, fieldName and the operation path', async () => {
    const outcome = await run('query Recent { orders(first: 1) { nodes { id x } } }');
    expect(outcome.status).toBe(200);
    expect(outcome.body).toEqual({
      errors: [
        {
          message: "Field 'x' doesn't exist on type 'Order'",
          locations: [{ line: 1, column: 46 }],
          path: ['query Recent', 'orders', 'nodes', 'x'],
          extensions: { code: 'undefinedField', typeName: 'Order', fieldName: 'x' },
        },
      ],
    });
  });

  it('a field outside the served subset is unknown too (Order.metafields)', async () => {
    const outcome = await run(
      '{ order(id: "gid://shopify/Order/1") { metafields(first: 1) { nodes { id } } } }',
    );
    expect(outcome.body).toMatchObject({
      errors: [
        {
          extensions: { code: 'undefinedField', typeName: 'Order', fieldName: 'metafields' },
          path: ['query', 'order', 'metafields'],
        },
      ],
    });
  });

  it('unknown argument: argumentNotAccepted', async () => {
    const outcome = await run('{ orders(first: 1, foo: 2) { nodes { id } } }');
    expect(outcome.body).toMatchObject({
      errors: [
        {
          message: "Field 'orders' doesn't accept argument 'foo'",
          path: ['query', 'orders', 'foo'],
          extensions: { code: 'argumentNotAccepted', name: 'orders', typeName: 'Field', argumentName: 'foo' },
        },
      ],
    });
  });

  it('missing required argument: missingRequiredArguments', async () => {
    const outcome = await run('{ order { id } }');
    expect(outcome.body).toMatchObject({
      errors: [
        {
          message: "Field 'order' is missing required arguments: id",
          extensions: {
            code: 'missingRequiredArguments',
            className: 'Field',
            name: 'order',
            arguments: 'id',
          },
        },
      ],
    });
  });

  it('object without selection: selectionMismatch', async () => {
    const outcome = await run('{ shop }');
    expect(outcome.body).toMatchObject({
      errors: [{ extensions: { code: 'selectionMismatch', typeName: 'Shop' } }],
    });
  });

  it('syntax error: graphql-ruby parse error wording', async () => {
    const outcome = await run('{ shop { id }');
    expect(outcome.body).toMatchObject({ errors: [{ message: 'Unexpected end of document' }] });
    const other = await run('{ shop { id } } }');
    expect(other.body).toMatchObject({ errors: [{ message: 'Parse error on "}" (RCURLY) at [1, 17]' }] });
  });

  it('missing query: 400 with Shopify parameter error', async () => {
    const outcome = await executeGraphql(getServedSchema(), {}, noRoots);
    expect(outcome).toMatchObject({
      status: 400,
      body: { errors: { query: 'Required parameter missing or invalid' } },
    });
  });

  it('introspection is on', async () => {
    const outcome = await run('{ __type(name: "Order") { name fields { name } } }');
    const fields = (outcome.body as { data: { __type: { fields: { name: string }[] } } }).data.__type.fields;
    expect(fields.map((f) => f.name)).toContain('totalRefundedSet');
  });
});

describe('single query max cost', () => {
  it('refuses a query whose requested cost exceeds 1000 with the recorded MAX_COST_EXCEEDED body', async () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL(
          '../../../../../shared/shopify/fixtures/graphql-error-shapes/max-cost-exceeded.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as { body: { errors: { message: string; extensions: Record<string, unknown> }[] } };
    // order 1 + customer 1 + lineItems (2 + 2 x 1): 2 + 250 x 6 = 1502
    const outcome = await run(
      '{ orders(first: 250) { nodes { customer { id } lineItems(first: 2) { nodes { id } } } } }',
    );
    const expected = fixture.body.errors[0]!;
    expect(outcome.body).toEqual({
      errors: [
        {
          message: expected.message.replace('1293', '1502'),
          extensions: { ...expected.extensions, cost: 1502 },
        },
      ],
    });
  });
});
