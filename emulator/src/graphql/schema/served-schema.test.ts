import { describe, expect, it } from 'vitest';
import { diffServedAgainstReal } from './schema-diff.ts';
import { getServedSchema } from './served-schema.ts';
import { loadRealSchema } from './real-schema.ts';
import { buildServedSchema } from './build-served-schema.ts';
import { assertValidSchema } from 'graphql';

describe('served schema', () => {
  it('is a strict subset of the real 2025-01 Admin schema (0 differences)', () => {
    const served = getServedSchema();
    assertValidSchema(served);
    const report = diffServedAgainstReal(served, loadRealSchema());
    console.log('served schema subset:', JSON.stringify(report.counts));
    expect(report.differences).toEqual([]);
    expect(report.counts.types).toBeGreaterThan(100);
  });

  it('serves the required roots and Shopify names (returnApproveRequest, fulfillmentCreate)', () => {
    const served = getServedSchema();
    const query = Object.keys(served.getQueryType()?.getFields() ?? {});
    const mutation = Object.keys(served.getMutationType()?.getFields() ?? {});
    expect(query).toEqual(expect.arrayContaining(['orders', 'order', 'node', 'nodes', 'job', 'refund']));
    expect(mutation).toEqual(
      expect.arrayContaining(['refundCreate', 'returnApproveRequest', 'fulfillmentCreate']),
    );
    expect(served.getQueryType()?.getFields().orders?.description).toBeTruthy();
  });

  it('refuses a selection naming a field Shopify does not have', () => {
    expect(() => buildServedSchema(loadRealSchema(), { QueryRoot: 'shop', Shop: 'id nope' })).toThrow(
      /Shop.nope does not exist/,
    );
  });

  it('refuses a selection that reaches an object it does not select', () => {
    expect(() => buildServedSchema(loadRealSchema(), { QueryRoot: 'order', Mutation: 'tagsAdd' })).toThrow(
      /object Order is referenced by QueryRoot.order but not selected/,
    );
  });
});
