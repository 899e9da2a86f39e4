import { GraphQLError } from 'graphql';

/** Relay arguments every Shopify connection takes. */
export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
  readonly reverse?: boolean | null;
}

/** Where an item sits in the sort order: the sort value, then the id to break ties. */
export interface SortPosition {
  readonly id: number | string;
  readonly value: string | number;
}

export interface Connection<N> {
  readonly edges: { cursor: string; node: N }[];
  readonly nodes: N[];
  readonly pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Shopify's cursors are opaque base64 of the last sort value and id; clients must not parse them. */
export function encodeCursor(position: SortPosition): string {
  return Buffer.from(JSON.stringify({ last_id: position.id, last_value: position.value })).toString('base64');
}

function decodeCursor(cursor: string): SortPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
      last_id?: unknown;
      last_value?: unknown;
    };
    const id = parsed.last_id;
    const value = parsed.last_value;
    if (
      (typeof id === 'number' || typeof id === 'string') &&
      (typeof value === 'number' || typeof value === 'string')
    ) {
      return { id, value };
    }
  } catch {
    // fall through: Shopify answers any unreadable cursor the same way
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
    extensions: { code: 'BAD_REQUEST' },
  });
}

function compare(a: SortPosition, b: SortPosition): number {
  if (a.value < b.value) return -1;
  if (a.value > b.value) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Pages a list already filtered by the caller: sorts by `position`, applies `reverse`, then
 * after/before and first/last as the Relay spec's algorithm. Shopify refuses a connection with
 * neither `first` nor `last` ("you must provide one of first or last").
 */
export function paginate<T, N>(
  items: readonly T[],
  args: ConnectionArgs,
  position: (item: T) => SortPosition,
  toNode: (item: T) => N,
): Connection<N> {
  if (args.first == null && args.last == null) {
    throw new GraphQLError('you must provide one of first or last');
  }
  const direction = args.reverse ? -1 : 1;
  const positioned = items.map((item, index) => ({ item, index, at: position(item) }));
  // Most lists are already in id order: checking is linear, sorting is not (large bulk exports).
  const inOrder = positioned.every(
    (entry, i) => i === 0 || direction * compare(positioned[i - 1]!.at, entry.at) <= 0,
  );
  const after = args.after ? decodeCursor(args.after) : undefined;
  const before = args.before ? decodeCursor(args.before) : undefined;
  const inRange = positioned.filter(
    (entry) =>
      (!after || direction * compare(entry.at, after) > 0) &&
      (!before || direction * compare(entry.at, before) < 0),
  );
  // Out of order (another sort key), only the page is put in order: the rest is never sorted.
  let window = inOrder ? inRange : firstInOrder(inRange, args, direction);
  if (args.first != null) window = window.slice(0, Math.max(0, args.first));
  if (args.last != null) window = window.slice(Math.max(0, window.length - Math.max(0, args.last)));
  // Shopify reports both flags truthfully (the Relay spec would allow `false` when unknown).
  const firstAt = window[0]?.at ?? after;
  const lastAt = window[window.length - 1]?.at ?? before;
  const hasPreviousPage =
    firstAt !== undefined && positioned.some((entry) => direction * compare(entry.at, firstAt) < 0);
  const hasNextPage =
    lastAt !== undefined && positioned.some((entry) => direction * compare(entry.at, lastAt) > 0);
  const edges = window.map((entry) => edgeOf(entry.at, toNode(entry.item)));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      // Encoded when read, as the edges' (nested connections rarely ask for them).
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
  };
}

/**
 * An edge whose cursor is encoded when read: most queries select `nodes` or `edges { node }`,
 * and encoding (JSON, base64) every item's cursor was a good part of answering them.
 */
function edgeOf<N>(at: SortPosition, node: N): { cursor: string; node: N } {
  let cursor: string | undefined;
  return {
    get cursor() {
      return (cursor ??= encodeCursor(at));
    },
    node,
  };
}

interface Positioned<T> {
  readonly item: T;
  /** Place in the caller's list: equal positions keep it, as a stable sort does. */
  readonly index: number;
  readonly at: SortPosition;
}

/**
 * The entries a page can take from, in sort order: the `first` smallest (or, with `last` alone,
 * the `last` largest), kept sorted in a small buffer while scanning once; everything when the
 * page is not much smaller than the list. The same entries and order as sorting all of them.
 */
function firstInOrder<T>(entries: Positioned<T>[], args: ConnectionArgs, direction: number): Positioned<T>[] {
  const order = (a: Positioned<T>, b: Positioned<T>) => direction * compare(a.at, b.at) || a.index - b.index;
  const fromEnd = args.first == null;
  const size = Math.max(0, (fromEnd ? args.last : args.first) ?? 0);
  if (size === 0) return [];
  if (size * 8 >= entries.length) return entries.sort(order);
  const rank = fromEnd ? (a: Positioned<T>, b: Positioned<T>) => order(b, a) : order;
  const best: Positioned<T>[] = [];
  for (const entry of entries) {
    if (best.length === size && rank(entry, best[size - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rank(entry, best[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, entry);
    if (best.length > size) best.pop();
  }
  return fromEnd ? best.reverse() : best;
}

/** Id order, the default sort of most Shopify connections. */
export function byId<T extends { id: number | string }>(item: T): SortPosition {
  return { id: item.id, value: typeof item.id === 'number' ? item.id : 0 };
}

/** Lists with a `first` argument (Order.refunds, Order.fulfillments...) are capped, not paged. */
export function firstOf<T>(items: readonly T[], first: number | null | undefined): T[] {
  return first == null ? [...items] : items.slice(0, Math.max(0, first));
}
