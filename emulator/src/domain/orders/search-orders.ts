import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { financialStatus } from './financial-status.ts';
import { fulfillmentStatus } from './fulfillment-status.ts';

/**
 * A subset of Shopify's search syntax for `orders(query:)`: space-separated terms joined by
 * AND, `field:value`, comparators `>`, `>=`, `<`, `<=` on dates and ids, `-field:value` to
 * negate, and bare words matched against name, email and tags.
 */
export function searchOrders(state: ShopState, query: string | null | undefined): Order[] {
  const terms = tokenize(query ?? '');
  return state.data.orders
    .filter((order) => terms.every((term) => term.negated !== termMatches(order, term)))
    .sort((a, b) => a.id - b.id);
}

interface Term {
  field: string | null;
  comparator: '' | '>' | '>=' | '<' | '<=';
  value: string;
  negated: boolean;
}

function tokenize(query: string): Term[] {
  const parts = query.match(/-?[\w.]+:(?:"[^"]*"|'[^']*'|\S+)|"[^"]*"|\S+/g) ?? [];
  return parts
    .filter((part) => part.toUpperCase() !== 'AND')
    .map((part) => {
      const negated = part.startsWith('-');
      const body = negated ? part.slice(1) : part;
      const match = /^([\w.]+):(>=|<=|>|<)?(.*)$/.exec(body);
      if (!match) return { field: null, comparator: '', value: unquote(body), negated };
      const comparator = (match[2] ?? '') as Term['comparator'];
      return { field: match[1]!.toLowerCase(), comparator, value: unquote(match[3] ?? ''), negated };
    });
}

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, '');
}

const fieldValues: Readonly<Record<string, (order: Order) => string | number | string[] | null>> = {
  id: (order) => order.id,
  name: (order) => order.name,
  email: (order) => order.email,
  tag: (order) => order.tags,
  tags: (order) => order.tags,
  status: (order) => (order.cancelledAt ? 'cancelled' : order.closedAt ? 'closed' : 'open'),
  financial_status: (order) => financialStatus(order),
  fulfillment_status: (order) => fulfillmentStatus(order) ?? 'unfulfilled',
  created_at: (order) => order.createdAt,
  updated_at: (order) => order.updatedAt,
  processed_at: (order) => order.processedAt,
  test: (order) => String(order.test),
  source_name: (order) => order.sourceName,
  customer_id: (order) => order.customerId,
};

function termMatches(order: Order, term: Term): boolean {
  if (term.field === null) return bareWordMatches(order, term.value);
  const pick = fieldValues[term.field];
  if (!pick) return true;
  const actual = pick(order);
  if (Array.isArray(actual)) return actual.some((value) => value.toLowerCase() === term.value.toLowerCase());
  if (actual === null) return false;
  return compare(actual, term);
}

function compare(actual: string | number, term: Term): boolean {
  const isDate = typeof actual === 'string' && /^\d{4}-\d{2}-\d{2}/.test(actual);
  const left = isDate ? Date.parse(actual as string) : actual;
  const right = isDate
    ? Date.parse(term.value)
    : typeof actual === 'number'
      ? Number(term.value)
      : term.value;
  if (term.comparator === '') {
    return typeof left === 'string' ? left.toLowerCase() === String(right).toLowerCase() : left === right;
  }
  if (term.comparator === '>') return left > right;
  if (term.comparator === '>=') return left >= right;
  if (term.comparator === '<') return left < right;
  return left <= right;
}

function bareWordMatches(order: Order, word: string): boolean {
  const needle = word.toLowerCase();
  return [order.name, order.email ?? '', ...order.tags].some((value) => value.toLowerCase().includes(needle));
}
