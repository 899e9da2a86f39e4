import { describe, expect, it } from 'vitest';
import { resolveOrderRef } from './resolve-order-ref.ts';

describe('resolveOrderRef', () => {
  it.each([
    { text: '450789469', expected: { id: '450789469' } },
    { text: ' gid://shopify/Order/450789469 ', expected: { id: '450789469' } },
    { text: '#1001', expected: { name: '#1001' } },
    { text: '#WEB-1346', expected: { name: '#WEB-1346' } },
  ])('$text -> $expected', ({ text, expected }) => {
    expect(resolveOrderRef(text)).toEqual(expected);
  });

  it.each(['', '1001a', 'gid://shopify/Product/1', '# 1001'])('refuses %j, naming the field', (text) => {
    expect(() => resolveOrderRef(text)).toThrow(/^order: /);
  });
});
