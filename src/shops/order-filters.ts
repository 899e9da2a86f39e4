/**
 * The text filter syntax of orderFilters.tags and orderFilters.channel (seed 002: "use filter
 * tokens `@` and `*` ... `@` will ensure the result is case insensitive, while `*` finds orders
 * with multiple tags"; "<>Point of Sale" for every channel but POS):
 * - `*` matches any run of characters, everything else is literal;
 * - a leading `@` makes the match case-insensitive;
 * - a leading `<>` (before any `@`) negates it.
 * The whole value must match: `vip` matches "vip" only, `*vip*` matches "gold, vip, eu".
 */
export function matchesTextFilter(filter: string, value: string): boolean {
  const negated = filter.startsWith('<>');
  let pattern = negated ? filter.slice(2) : filter;
  const caseInsensitive = pattern.startsWith('@');
  if (caseInsensitive) pattern = pattern.slice(1);
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  const matches = new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's').test(value);
  return negated ? !matches : matches;
}

/** Tags are matched joined as Shopify shows them, "gold, vip"; an order passes on any one filter. */
export function matchesTagFilters(filters: readonly string[], orderTags: readonly string[]): boolean {
  if (filters.length === 0) return true;
  const joined = orderTags.join(', ');
  return filters.some((filter) => matchesTextFilter(filter, joined));
}

/** No channel filter lets every order through. */
export function matchesChannelFilter(filter: string | undefined, channelName: string): boolean {
  return filter === undefined || matchesTextFilter(filter, channelName);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
