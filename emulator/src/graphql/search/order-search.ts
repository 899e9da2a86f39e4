import { parseSearch, type Comparator, type SearchTerm } from './parse-search.ts';

/** What the orders search can look at, projected from an order by the resolver layer. */
export interface SearchableOrder {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly processedAt: string;
  readonly closedAt: string | null;
  readonly cancelledAt: string | null;
  readonly tags: readonly string[];
  readonly sourceName: string | null;
  readonly test: boolean;
  /** REST financial_status: pending, authorized, partially_paid, paid, partially_refunded, refunded, voided. */
  readonly financialStatus: string;
  /** REST fulfillment_status: null (unfulfilled), partial, fulfilled, restocked. */
  readonly fulfillmentStatus: string | null;
}

/** Filters orders by Shopify's `orders(query:)` string. Unknown fields match nothing, as on Shopify. */
export function matchesOrderQuery(order: SearchableOrder, query: string | null | undefined): boolean {
  return orderQueryMatcher(query)(order);
}

/** matchesOrderQuery with the query parsed once, for filtering many orders by one query. */
export function orderQueryMatcher(query: string | null | undefined): (order: SearchableOrder) => boolean {
  const groups = parseSearch(query);
  if (groups.length === 0) return () => true;
  return (order) => groups.some((group) => group.every((term) => termMatches(order, term) !== term.negated));
}

/**
 * The only ids that can match, when every OR-group of the query requires one `id:` (an export's
 * follow-up queries pick orders by id): callers skip the other orders. Null otherwise.
 */
export function candidateOrderIds(query: string | null | undefined): ReadonlySet<number> | null {
  const groups = parseSearch(query);
  if (groups.length === 0) return null;
  const ids = new Set<number>();
  for (const group of groups) {
    const term = group.find((t) => t.field === 'id' && t.comparator === '=' && !t.negated);
    if (!term) return null;
    ids.add(Number(term.value));
  }
  return ids;
}

function termMatches(order: SearchableOrder, term: SearchTerm): boolean {
  const value = term.value;
  switch (term.field) {
    case null:
      return freeText(order, value);
    case 'updated_at':
      return compareDate(order.updatedAt, term.comparator, value);
    case 'created_at':
      return compareDate(order.createdAt, term.comparator, value);
    case 'processed_at':
      return compareDate(order.processedAt, term.comparator, value);
    case 'id':
      return compareNumber(order.id, term.comparator, Number(value));
    case 'status':
      return statusMatches(order, value.toLowerCase());
    case 'financial_status':
      return order.financialStatus === value.toLowerCase();
    case 'fulfillment_status':
      return fulfillmentMatches(order.fulfillmentStatus, value.toLowerCase());
    case 'tag':
      return order.tags.some((tag) => tag.toLowerCase() === value.toLowerCase());
    case 'tag_not':
      return !order.tags.some((tag) => tag.toLowerCase() === value.toLowerCase());
    case 'source_name':
      return (order.sourceName ?? '').toLowerCase() === value.toLowerCase();
    case 'name':
      return order.name.replace(/^#/, '').toLowerCase() === value.replace(/^#/, '').toLowerCase();
    case 'email':
      return (order.email ?? '').toLowerCase() === value.toLowerCase();
    case 'test':
      return String(order.test) === value.toLowerCase();
    default:
      return false;
  }
}

function freeText(order: SearchableOrder, value: string): boolean {
  const needle = value.toLowerCase().replace(/^#/, '');
  return [order.name.replace(/^#/, ''), order.email ?? '', ...order.tags].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

/** `status:` values from the Order query doc: open, closed, cancelled, not_closed, any. */
function statusMatches(order: SearchableOrder, status: string): boolean {
  if (status === 'any') return true;
  if (status === 'open' || status === 'not_closed')
    return order.closedAt === null && order.cancelledAt === null;
  if (status === 'closed') return order.closedAt !== null;
  if (status === 'cancelled' || status === 'canceled') return order.cancelledAt !== null;
  return false;
}

/** `fulfillment_status:` accepts GraphQL-doc values (shipped, unshipped, partial, unfulfilled...). */
function fulfillmentMatches(status: string | null, wanted: string): boolean {
  if (wanted === 'any') return true;
  if (wanted === 'shipped' || wanted === 'fulfilled') return status === 'fulfilled';
  if (wanted === 'partial') return status === 'partial';
  if (wanted === 'unshipped' || wanted === 'unfulfilled') return status === null || status === 'partial';
  if (wanted === 'restocked') return status === 'restocked';
  return false;
}

function compareDate(actual: string | null, comparator: Comparator, wanted: string): boolean {
  if (!actual) return false;
  const at = Date.parse(actual);
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(wanted);
  const bound = Date.parse(dayOnly ? `${wanted}T00:00:00Z` : wanted);
  if (Number.isNaN(bound)) return false;
  if (comparator === '=' && dayOnly) return at >= bound && at < bound + 86_400_000;
  return compareNumber(at, comparator, bound);
}

function compareNumber(actual: number, comparator: Comparator, wanted: number): boolean {
  switch (comparator) {
    case '<':
      return actual < wanted;
    case '<=':
      return actual <= wanted;
    case '>':
      return actual > wanted;
    case '>=':
      return actual >= wanted;
    default:
      return actual === wanted;
  }
}
