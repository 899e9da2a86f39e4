import { badRequest, type RestResponse } from './http.ts';

/** REST list limits (seed 003: "default: 50, maximum: 250"). */
export const defaultLimit = 50;
export const maximumLimit = 250;

export interface PageCursor {
  /** The list's filters, frozen into the cursor: Shopify ignores other filters with page_info. */
  filters: Record<string, string>;
  direction: 'next' | 'previous';
  /** Id the page starts after (next) or ends before (previous). */
  boundaryId: number;
}

export function encodePageInfo(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodePageInfo(pageInfo: string): PageCursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(pageInfo, 'base64url').toString('utf8')) as PageCursor;
    return typeof parsed.boundaryId === 'number' && typeof parsed.filters === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export function parseLimit(raw: string | null): number {
  if (raw === null || raw.trim() === '') return defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit)) return defaultLimit;
  return Math.min(Math.max(limit, 1), maximumLimit);
}

export interface ListContext {
  params: URLSearchParams;
  /** "https://jsmith.myshopify.com/admin/api/2025-10/orders.json" */
  baseUrl: string;
}

export interface PageResult<T> {
  items: T[];
  linkHeader: string | null;
}

/** Filters in effect: from the cursor when page_info is given, else from the query. */
export type Filters = { ok: true; filters: Record<string, string> } | { ok: false; response: RestResponse };

export function effectiveFilters(params: URLSearchParams): Filters {
  if (params.has('page')) {
    // seed 003: "Sending the page parameter will return an error."
    return { ok: false, response: badRequest('page cannot be passed. Use page_info instead.') };
  }
  const pageInfo = params.get('page_info');
  if (pageInfo === null) {
    const filters: Record<string, string> = {};
    for (const [key, value] of params)
      if (!['limit', 'page_info', 'fields'].includes(key)) filters[key] = value;
    return { ok: true, filters };
  }
  const cursor = decodePageInfo(pageInfo);
  if (!cursor) return { ok: false, response: badRequest('Invalid value for page_info parameter.') };
  return { ok: true, filters: cursor.filters };
}

/**
 * One page of an id-ascending list with Shopify's Link header:
 * `<...?limit=50&page_info=...>; rel="previous", <...>; rel="next"`.
 */
export function pageOf<T extends { id: number }>(
  all: readonly T[],
  context: ListContext,
  filters: Record<string, string>,
): PageResult<T> {
  const limit = parseLimit(context.params.get('limit'));
  const cursor = context.params.get('page_info') ? decodePageInfo(context.params.get('page_info')!) : null;
  let items: T[];
  if (cursor?.direction === 'previous') {
    const before = all.filter((item) => item.id < cursor.boundaryId);
    items = before.slice(Math.max(0, before.length - limit));
  } else {
    const after = cursor ? all.filter((item) => item.id > cursor.boundaryId) : [...all];
    items = after.slice(0, limit);
  }
  const first = items[0];
  const last = items[items.length - 1];
  const links: string[] = [];
  const link = (direction: PageCursor['direction'], boundaryId: number) => {
    const query = new URLSearchParams({ limit: String(limit) });
    const fields = context.params.get('fields');
    if (fields) query.set('fields', fields);
    query.set('page_info', encodePageInfo({ filters, direction, boundaryId }));
    return `<${context.baseUrl}?${query.toString()}>; rel="${direction}"`;
  };
  if (first && all.some((item) => item.id < first.id)) links.push(link('previous', first.id));
  if (last && all.some((item) => item.id > last.id)) links.push(link('next', last.id));
  return { items, linkHeader: links.length > 0 ? links.join(', ') : null };
}

/** `fields=id,name,total-price`: keep those top-level keys, in the resource's own order. */
export function pickFields<T extends Record<string, unknown>>(
  resource: T,
  fields: string | null,
): Partial<T> {
  if (!fields) return resource;
  const wanted = new Set(fields.split(',').map((field) => field.trim().replace(/-/g, '_')));
  return Object.fromEntries(Object.entries(resource).filter(([key]) => wanted.has(key))) as Partial<T>;
}
