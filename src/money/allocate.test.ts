import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { formatMoney, money, parseMoney } from './money.ts';

describe('allocate (largest remainder)', () => {
  it.each([
    {
      name: '10.00 over three equal lines: the odd cent goes to the first',
      total: '10.00',
      weights: [1, 1, 1],
      parts: ['3.34', '3.33', '3.33'],
    },
    {
      name: 'a 5.00 cart discount over lines of 30.00 and 70.00',
      total: '5.00',
      weights: [3000, 7000],
      parts: ['1.50', '3.50'],
    },
    {
      name: '1.00 over 3:3:2 goes to the largest remainders',
      total: '1.00',
      weights: [3, 3, 2],
      parts: ['0.38', '0.37', '0.25'],
    },
    {
      name: 'a negative total splits like a positive one',
      total: '-10.00',
      weights: [1, 1, 1],
      parts: ['-3.34', '-3.33', '-3.33'],
    },
    { name: 'zero weight gets nothing', total: '9.99', weights: [0, 1], parts: ['0.00', '9.99'] },
    { name: 'all-zero weights split evenly', total: '0.03', weights: [0, 0], parts: ['0.02', '0.01'] },
  ])('$name', ({ total, weights, parts }) => {
    expect(allocate(parseMoney(total, 'USD'), weights).map(formatMoney)).toEqual(parts);
  });

  it('refuses negative or fractional weights', () => {
    expect(() => allocate(money(100, 'USD'), [1, -1])).toThrow(/weights/);
    expect(() => allocate(money(100, 'USD'), [0.5])).toThrow(/weights/);
    expect(() => allocate(money(100, 'USD'), [])).toThrow(/at least one/);
  });

  const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 });
  const totals = fc.integer({ min: -1e12, max: 1e12 });

  it('parts always sum to the whole', () => {
    fc.assert(
      fc.property(totals, weights, (total, w) => {
        const parts = allocate(money(total, 'EUR'), w);
        expect(parts.reduce((a, p) => a + p.minor, 0)).toBe(total);
        expect(parts.every((p) => p.currency === 'EUR')).toBe(true);
      }),
    );
  });

  it('no part of a non-negative total is negative, and none is off its exact share by a cent or more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), weights, (total, w) => {
        const parts = allocate(money(total, 'USD'), w);
        const weightTotal = w.every((x) => x === 0) ? w.length : w.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          expect(part.minor).toBeGreaterThanOrEqual(0);
          const exact = (total * (w.every((x) => x === 0) ? 1 : w[i]!)) / weightTotal;
          expect(Math.abs(part.minor - exact)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});
