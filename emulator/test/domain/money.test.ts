/** Money helpers: integer minor units, exponents, largest remainder (property tests). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, currencyExponent, formatMinor, parseDecimalToMinor } from '../../src/domain/index.ts';

describe('decimal strings <-> minor units', () => {
  it.each([
    { text: '598.94', currency: 'USD', minor: 59894 },
    { text: 41.94, currency: 'USD', minor: 4194 },
    { text: '-5.00', currency: 'USD', minor: -500 },
    { text: '1500', currency: 'JPY', minor: 1500 },
    { text: '1.234', currency: 'KWD', minor: 1234 },
    { text: '0.125', currency: 'USD', minor: 13 },
    { text: '.5', currency: 'EUR', minor: 50 },
  ])('$text $currency -> $minor', ({ text, currency, minor }) => {
    expect(parseDecimalToMinor(text, currency)).toBe(minor);
  });

  it('exponents: JPY 0, KWD/BHD/JOD/OMR/TND 3, default 2', () => {
    expect(['JPY', 'KWD', 'BHD', 'JOD', 'OMR', 'TND', 'USD', 'EUR'].map(currencyExponent)).toEqual([
      0, 3, 3, 3, 3, 3, 2, 2,
    ]);
  });

  it('format then parse is the identity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        (minor, currency) => {
          expect(parseDecimalToMinor(formatMinor(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });
});

describe('allocate', () => {
  it('splits TENOFF like Shopify: 3.34 / 3.33 / 3.33', () => {
    expect(allocate(1000, [19900, 19900, 19900])).toEqual([334, 333, 333]);
  });

  it('always sums to the total and never strays more than one unit from the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const shares = allocate(total, weights);
          expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total);
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
          shares.forEach((share, index) =>
            expect(Math.abs(share - (total * weights[index]!) / weightSum)).toBeLessThan(1),
          );
        },
      ),
    );
  });
});
