import { describe, expect, it } from 'vitest';
import { encodeCursor, paginate, type ConnectionArgs, type SortPosition } from './connection.ts';

// paginate puts only the page in order when the list is not (another sort key): it must pick the
// same items, in the same order, with the same flags as sorting the whole list (stably) would.
function reference(items: readonly Item[], args: ConnectionArgs) {
  const direction = args.reverse ? -1 : 1;
  const compare = (a: SortPosition, b: SortPosition) =>
    a.value < b.value ? -1 : a.value > b.value ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const sorted = items
    .map((item) => ({ item, at: position(item) }))
    .sort((a, b) => direction * compare(a.at, b.at));
  const after = args.after ? decode(args.after) : undefined;
  const before = args.before ? decode(args.before) : undefined;
  let window = sorted.filter(
    (e) =>
      (!after || direction * compare(e.at, after) > 0) && (!before || direction * compare(e.at, before) < 0),
  );
  if (args.first != null) window = window.slice(0, Math.max(0, args.first));
  if (args.last != null) window = window.slice(Math.max(0, window.length - Math.max(0, args.last)));
  const firstAt = window[0]?.at ?? after;
  const lastAt = window.at(-1)?.at ?? before;
  return {
    nodes: window.map((e) => e.item.key),
    hasPreviousPage: firstAt !== undefined && sorted.some((e) => direction * compare(e.at, firstAt) < 0),
    hasNextPage: lastAt !== undefined && sorted.some((e) => direction * compare(e.at, lastAt) > 0),
  };
}

interface Item {
  readonly key: string;
  readonly id: number;
  readonly value: string;
}

const position = (item: Item): SortPosition => ({ id: item.id, value: item.value });
const decode = (cursor: string) => {
  const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
    last_id: number;
    last_value: string;
  };
  return { id: parsed.last_id, value: parsed.last_value };
};

/** A deterministic shuffle with repeated sort values (ties broken by id). */
function items(count: number, seed: number): Item[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, i) => ({
    key: `item-${i}`,
    id: next() % 100_000,
    value: `2025-05-${String(1 + (next() % 28)).padStart(2, '0')}`,
  }));
}

describe('paginate on an unsorted list', () => {
  const list = items(400, 7);
  const cursorAt = (i: number) => encodeCursor(position(list[i]!));
  const cases: ConnectionArgs[] = [
    { first: 5 },
    { first: 5, reverse: true },
    { last: 5 },
    { last: 3, reverse: true },
    { first: 0 },
    { first: 49 },
    { first: 50 },
    { first: 1000 },
    { first: 10, after: cursorAt(3) },
    { first: 10, after: cursorAt(17), reverse: true },
    { last: 7, before: cursorAt(42) },
    { first: 20, last: 4, after: cursorAt(5) },
    { first: 3, after: cursorAt(9), before: cursorAt(11) },
  ];
  it.each(cases)('%o', (args) => {
    const page = paginate(list, args, position, (item) => item.key);
    expect({
      nodes: page.nodes,
      hasPreviousPage: page.pageInfo.hasPreviousPage,
      hasNextPage: page.pageInfo.hasNextPage,
    }).toEqual(reference(list, args));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
  });
});
