/**
 * Shopify's search syntax (shopify.dev "Search syntax"): terms joined by spaces or AND, OR between
 * groups, `-`/NOT to negate, `field:value` with `:<`, `:<=`, `:>`, `:>=`, values quoted with ' or ".
 * Parsed into OR-groups of AND-ed terms.
 */
export type Comparator = '=' | '<' | '<=' | '>' | '>=';

export interface SearchTerm {
  readonly field: string | null;
  readonly comparator: Comparator;
  readonly value: string;
  readonly negated: boolean;
}

export type SearchQuery = readonly (readonly SearchTerm[])[];

export function parseSearch(query: string | null | undefined): SearchQuery {
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const token of tokenize(query ?? '')) {
    if (token === 'AND') continue;
    if (token === 'OR') {
      groups.push([]);
      continue;
    }
    if (token === 'NOT') {
      negateNext = true;
      continue;
    }
    groups[groups.length - 1]!.push(parseTerm(token, negateNext));
    negateNext = false;
  }
  return groups.filter((group) => group.length > 0);
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      current += char;
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      current += char;
      quote = char;
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = '';
    } else current += char;
  }
  if (current) tokens.push(current);
  return tokens.filter((token) => token !== '(' && token !== ')');
}

function parseTerm(token: string, negatedByKeyword: boolean): SearchTerm {
  const negated = negatedByKeyword || token.startsWith('-');
  const body = token.startsWith('-') ? token.slice(1) : token;
  const match = /^([a-z_.]+):(<=|>=|<|>)?(.*)$/i.exec(body);
  if (!match) return { field: null, comparator: '=', value: unquote(body), negated };
  return {
    field: match[1]!.toLowerCase(),
    comparator: (match[2] as Comparator | undefined) ?? '=',
    value: unquote(match[3] ?? ''),
    negated,
  };
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === "'" || first === '"') && value.endsWith(first) && value.length >= 2)
    return value.slice(1, -1);
  return value;
}
