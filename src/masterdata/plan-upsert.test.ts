import { describe, expect, it } from 'vitest';
import { planUpsert } from './plan-upsert.ts';

describe('planUpsert', () => {
  const keyOf = (value: { code: string }) => value.code;

  it('sorts values into created, updated and unchanged by key and contents', () => {
    const existing = new Map([
      ['MAIN', { code: 'MAIN', name: 'Main', extra: { a: 1, b: null } }],
      ['EAST', { code: 'EAST', name: 'East', extra: { a: 1, b: null } }],
    ]);
    const plan = planUpsert(
      [
        // same contents, keys in another order (as jsonb returns them)
        { code: 'MAIN', extra: { b: null, a: 1 }, name: 'Main' },
        { code: 'EAST', name: 'East store', extra: { a: 1, b: null } },
        { code: 'WEST', name: 'West', extra: { a: 1, b: null } },
      ],
      existing,
      keyOf,
    );
    expect(plan.created.map(keyOf)).toEqual(['WEST']);
    expect(plan.updated.map(keyOf)).toEqual(['EAST']);
    expect(plan.unchanged.map(keyOf)).toEqual(['MAIN']);
  });

  it('tells null from a missing value', () => {
    const existing = new Map([['A', { code: 'A', email: null as string | null }]]);
    expect(planUpsert([{ code: 'A', email: '' }], existing, keyOf).updated).toHaveLength(1);
  });
});
