/**
 * Cursor pagination over an id-sorted list (GraphQL connections and REST page_info).
 * A cursor is the base64url of the last/first id seen, so it stays valid while the list grows.
 */
export interface PageRequest {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export function cursorFor(id: number): string {
  return Buffer.from(JSON.stringify({ last_id: id }), 'utf8').toString('base64url');
}

export function idFromCursor(cursor: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { last_id?: unknown };
    return typeof parsed.last_id === 'number' ? parsed.last_id : null;
  } catch {
    return null;
  }
}

export function paginate<T extends { id: number }>(items: readonly T[], request: PageRequest): Page<T> {
  const afterId = request.after ? idFromCursor(request.after) : null;
  const beforeId = request.before ? idFromCursor(request.before) : null;
  let window = items.filter(
    (item) => (afterId === null || item.id > afterId) && (beforeId === null || item.id < beforeId),
  );
  const beforeWindow = items.length - window.length > 0 && afterId !== null;
  const afterWindow = beforeId !== null && items.some((item) => item.id >= beforeId);
  let hasNextPage = afterWindow;
  let hasPreviousPage = beforeWindow;
  if (request.first !== undefined && request.first !== null && window.length > request.first) {
    window = window.slice(0, request.first);
    hasNextPage = true;
  }
  if (request.last !== undefined && request.last !== null && window.length > request.last) {
    window = window.slice(window.length - request.last);
    hasPreviousPage = true;
  }
  const first = window[0];
  const last = window[window.length - 1];
  return {
    items: window,
    hasNextPage,
    hasPreviousPage,
    startCursor: first ? cursorFor(first.id) : null,
    endCursor: last ? cursorFor(last.id) : null,
  };
}
