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

/**
 * matchesOrderQuery with the query parsed once and each term compiled once (its date bound
 * parsed, its value lower-cased), for filtering many orders by one query.
 */
export function orderQueryMatcher(query: string | null | undefined): (order: SearchableOrder) => boolean {
  const groups = parseSearch(query).map((group) => group.map(compileTerm));
  if (groups.length === 0) return () => true;
  return (order) => groups.some((group) => group.every((test) => test(order)));
}

type OrderTest = (order: SearchableOrder) => boolean;

function compileTerm(term: SearchTerm): OrderTest {
  const test = termTest(term);
  return term.negated ? (order) => !test(order) : test;
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

/** A term as a test of one order; what depends on the term alone is worked out here, once. */
function termTest(term: SearchTerm): OrderTest {
  const value = term.value;
  const lower = value.toLowerCase();
  switch (term.field) {
    case null:
      return (order) => freeText(order, value);
    case 'updated_at':
      return dateTest((order) => order.updatedAt, term.comparator, value);
    case 'created_at':
      return dateTest((order) => order.createdAt, term.comparator, value);
    case 'processed_at':
      return dateTest((order) => order.processedAt, term.comparator, value);
    case 'id': {
      const wanted = Number(value);
      return (order) => compareNumber(order.id, term.comparator, wanted);
    }
    case 'status':
      return (order) => statusMatches(order, lower);
    case 'financial_status':
      return (order) => order.financialStatus === lower;
    case 'fulfillment_status':
      return (order) => fulfillmentMatches(order.fulfillmentStatus, lower);
    case 'tag':
      return (order) => order.tags.some((tag) => tag.toLowerCase() === lower);
    case 'tag_not':
      return (order) => !order.tags.some((tag) => tag.toLowerCase() === lower);
    case 'source_name':
      return (order) => (order.sourceName ?? '').toLowerCase() === lower;
    case 'name': {
      const wanted = value.replace(/^#/, '').toLowerCase();
      return (order) => order.name.replace(/^#/, '').toLowerCase() === wanted;
    }
    case 'email':
      return (order) => (order.email ?? '').toLowerCase() === lower;
    case 'test':
      return (order) => String(order.test) === lower;
    default:
      return () => false;
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

function dateTest(pick: (order: SearchableOrder) => string | null, comparator: Comparator, wanted: string) {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(wanted);
  const bound = Date.parse(dayOnly ? `${wanted}T00:00:00Z` : wanted);
  return (order: SearchableOrder): boolean => {
    const actual = pick(order);
    if (!actual) return false;
    const at = instant(actual);
    if (Number.isNaN(bound)) return false;
    if (comparator === '=' && dayOnly) return at >= bound && at < bound + 86_400_000;
    return compareNumber(at, comparator, bound);
  };
}

/**
 * Date.parse of an order timestamp, remembered: a date search compares every order of the shop
 * and parsing dominated it. The same text always parses to the same instant; the memo is
 * emptied when it grows past a bound (timestamps change as orders are updated).
 */
const instants = new Map<string, number>();
const INSTANT_MEMO_SIZE = 100_000;

function instant(text: string): number {
  let at = instants.get(text);
  if (at === undefined) {
    if (instants.size >= INSTANT_MEMO_SIZE) instants.clear();
    at = Date.parse(text);
    instants.set(text, at);
  }
  return at;
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
