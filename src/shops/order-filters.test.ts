import { describe, expect, it } from 'vitest';
import { matchesChannelFilter, matchesTagFilters, matchesTextFilter } from './order-filters.ts';

// seed 002: "@" = case-insensitive, "*" = any text (orders with several tags), "<>" = not.
const textCases = [
  { filter: '@*tag1*', value: 'tag0, TAG1, tag2', matches: true },
  { filter: '*tag1*', value: 'tag0, TAG1', matches: false },
  { filter: 'tag1', value: 'tag1', matches: true },
  { filter: 'tag1', value: 'tag1, tag2', matches: false },
  { filter: '@vip', value: 'VIP', matches: true },
  { filter: 'Point of Sale', value: 'Point of Sale', matches: true },
  { filter: '<>Point of Sale', value: 'Point of Sale', matches: false },
  { filter: '<>Point of Sale', value: 'Online Store', matches: true },
  { filter: '<>@point of sale', value: 'Point of Sale', matches: false },
  { filter: 'a.b (c)', value: 'aXb (c)', matches: false },
  { filter: 'a.b (c)', value: 'a.b (c)', matches: true },
];

describe('order filter syntax', () => {
  it.each(textCases)('$filter on "$value" -> $matches', ({ filter, value, matches }) => {
    expect(matchesTextFilter(filter, value)).toBe(matches);
  });

  it('passes an order on any one tag filter, and every order without filters', () => {
    expect(matchesTagFilters(['@*vip*', 'wholesale'], ['wholesale'])).toBe(true);
    expect(matchesTagFilters(['@*vip*', 'wholesale'], ['retail'])).toBe(false);
    expect(matchesTagFilters([], ['retail'])).toBe(true);
    expect(matchesChannelFilter(undefined, 'Point of Sale')).toBe(true);
  });
});
