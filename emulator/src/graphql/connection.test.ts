import { describe, expect, it } from 'vitest';
import { byId, paginate } from './connection.ts';

const items = [5, 1, 4, 2, 3].map((id) => ({ id }));
const page = (args: Parameters<typeof paginate>[1]) => paginate(items, args, byId, (item) => item.id);

describe('paginate (Relay cursors, Shopify flags)', () => {
  it('first/after walks forward with truthful pageInfo', () => {
    const one = page({ first: 2 });
    expect(one.nodes).toEqual([1, 2]);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = page({ first: 2, after: one.pageInfo.endCursor });
    expect(two.nodes).toEqual([3, 4]);
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const three = page({ first: 2, after: two.pageInfo.endCursor });
    expect(three.nodes).toEqual([5]);
    expect(three.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('last/before walks backward; reverse flips the order', () => {
    const last = page({ last: 2 });
    expect(last.nodes).toEqual([4, 5]);
    expect(page({ last: 2, before: last.pageInfo.startCursor }).nodes).toEqual([2, 3]);
    expect(page({ first: 2, reverse: true }).nodes).toEqual([5, 4]);
  });

  it('edges carry cursors; refuses a page size-less call and a bad cursor', () => {
    expect(page({ first: 1 }).edges[0]).toEqual({ cursor: expect.any(String), node: 1 });
    expect(() => page({})).toThrow('you must provide one of first or last');
    expect(() => page({ first: 1, after: 'garbage' })).toThrow(/Invalid cursor/);
  });
});
