import type { DraftOrder } from '../../domain/model/draft.ts';
import { parseSearch, type SearchTerm } from './parse-search.ts';

/**
 * The `draftOrders(query:)` filter (shopify.dev DraftOrder search syntax): `tag:` matches a whole
 * tag (case-insensitive), `status:` open / invoice_sent / completed, `customer_id:`, and a bare
 * word the name, email or a tag. Unknown fields match nothing, as Shopify's do.
 */
export function matchesDraftOrderQuery(draft: DraftOrder, query: string | null | undefined): boolean {
  const groups = parseSearch(query);
  if (groups.length === 0) return true;
  return groups.some((group) => group.every((term) => matchesTerm(draft, term) !== term.negated));
}

function matchesTerm(draft: DraftOrder, term: SearchTerm): boolean {
  const value = term.value.toLowerCase();
  switch (term.field) {
    case 'tag':
      return draft.tags.some((tag) => tag.toLowerCase() === value);
    case 'status':
      return draft.status === value;
    case 'customer_id':
      return String(draft.customerId) === value;
    case null:
      return [draft.name.replace(/^#/, ''), draft.email ?? '', ...draft.tags].some((text) =>
        text.toLowerCase().includes(value),
      );
    default:
      return false;
  }
}
