import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compare, formatMoney, money, parseMoney, subtract, sum, times } from './money.ts';
import { minorUnitExponent } from './currencies.ts';

describe('parseMoney / formatMoney', () => {
  it.each([
    { text: '195.67', currency: 'USD', minor: 19567, formatted: '195.67' },
    { text: '0.00', currency: 'USD', minor: 0, formatted: '0.00' },
    { text: '-41.94', currency: 'USD', minor: -4194, formatted: '-41.94' },
    { text: '10', currency: 'EUR', minor: 1000, formatted: '10.00' },
    { text: '0.5', currency: 'EUR', minor: 50, formatted: '0.50' },
    { text: '1000', currency: 'JPY', minor: 1000, formatted: '1000' },
    // Shopify writes zero-decimal currencies with a trailing ".0" in some payloads
    { text: '1000.0', currency: 'JPY', minor: 1000, formatted: '1000' },
    { text: '1.234', currency: 'KWD', minor: 1234, formatted: '1.234' },
    { text: '12.300', currency: 'USD', minor: 1230, formatted: '12.30' },
  ])('$text $currency is $minor minor units', ({ text, currency, minor, formatted }) => {
    const parsed = parseMoney(text, currency);
    expect(parsed).toEqual({ minor, currency });
    expect(formatMoney(parsed)).toBe(formatted);
  });

  it.each(['', 'abc', '1,00', '1.2.3', '1e3', ' - 1', '.5'])('refuses %j with the field named', (text) => {
    expect(() => parseMoney(text, 'USD', 'price')).toThrow(/price/);
  });

  it('refuses an amount that would need rounding instead of rounding it', () => {
    expect(() => parseMoney('1.005', 'USD', 'total_price')).toThrow(
      /total_price: "1.005" has more decimals than USD allows \(2\)/,
    );
    expect(() => parseMoney('100.5', 'JPY')).toThrow(/JPY allows \(0\)/);
  });

  it('round-trips every amount in every exponent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'EUR', 'CLF'),
        (minor, currency) => {
          const value = money(minor, currency);
          expect(parseMoney(formatMoney(value), currency)).toEqual(value);
        },
      ),
    );
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies and compares in one currency', () => {
    const price = parseMoney('19.99', 'USD');
    expect(formatMoney(times(price, 3))).toBe('59.97');
    expect(formatMoney(subtract(add(price, price), parseMoney('0.98', 'USD')))).toBe('39.00');
    expect(compare(price, parseMoney('20', 'USD'))).toBe(-1);
    expect(formatMoney(sum([price, price], 'USD'))).toBe('39.98');
  });

  it('refuses to mix currencies', () => {
    expect(() => add(money(1, 'USD'), money(1, 'EUR'))).toThrow(/Cannot add USD and EUR/);
    expect(() => compare(money(1, 'USD'), money(1, 'CAD'))).toThrow(/currency|CAD/);
  });

  it('refuses fractional minor units and unknown codes', () => {
    expect(() => money(1.5, 'USD')).toThrow(/whole minor units/);
    expect(() => money(1, 'usd')).toThrow(/ISO 4217/);
  });

  it('knows the exponents Shopify shows', () => {
    expect([minorUnitExponent('JPY'), minorUnitExponent('USD'), minorUnitExponent('BHD')]).toEqual([0, 2, 3]);
  });
});
