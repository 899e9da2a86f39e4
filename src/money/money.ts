import { CurrencyMismatchError, ValidationError } from '../shared/errors.ts';
import { isCurrencyCode, minorUnitExponent } from './currencies.ts';

/**
 * An amount in integer minor units (cents, yen, fils) of one ISO 4217 currency.
 * Never a float: Shopify's decimal strings are parsed digit by digit (DESIGN.md "Money").
 */
export interface Money {
  readonly minor: number;
  readonly currency: string;
}

export function money(minor: number, currency: string): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money needs whole minor units, got ${minor}`);
  if (!isCurrencyCode(currency)) throw new RangeError(`"${currency}" is not an ISO 4217 currency code`);
  return { minor: minor === 0 ? 0 : minor, currency };
}

export function zero(currency: string): Money {
  return money(0, currency);
}

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string such as Shopify's `"195.67"` into minor units.
 * Extra decimals are accepted only when they are zeros (Shopify writes JPY as "1000.0"):
 * a value that would need rounding is refused rather than silently changed.
 */
export function parseMoney(text: string, currency: string, field = 'amount'): Money {
  const match = decimalPattern.exec(text.trim());
  if (!match)
    throw new ValidationError(`${field}: "${text}" is not a decimal amount`, [
      { path: field, message: `"${text}" is not a decimal amount` },
    ]);
  const [, sign, whole = '0', fraction = ''] = match;
  const exponent = minorUnitExponent(currency);
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  if (/[^0]/.test(fraction.slice(exponent))) {
    const message = `"${text}" has more decimals than ${currency} allows (${exponent})`;
    throw new ValidationError(`${field}: ${message}`, [{ path: field, message }]);
  }
  const minor = BigInt(whole + kept) * (sign ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ValidationError(`${field}: "${text}" is too large`, [
      { path: field, message: `"${text}" is too large` },
    ]);
  }
  return money(Number(minor), currency);
}

/** Formats as a plain decimal string with the currency's exponent: 19567 USD -> "195.67". */
export function formatMoney(value: Money): string {
  const exponent = minorUnitExponent(value.currency);
  const digits = Math.abs(value.minor)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = value.minor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function sameCurrency(a: Money, b: Money, operation: string): void {
  if (a.currency !== b.currency) {
    throw new CurrencyMismatchError(
      `Cannot ${operation} ${a.currency} and ${b.currency}: shop and presentment money never mix`,
    );
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b, 'add');
  return money(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b, 'subtract');
  return money(a.minor - b.minor, a.currency);
}

export function negate(a: Money): Money {
  return money(-a.minor, a.currency);
}

/** Multiplies by a whole quantity (a line's unit price times its quantity). */
export function times(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity must be whole, got ${quantity}`);
  return money(a.minor * quantity, a.currency);
}

/** -1, 0 or 1, like a sort comparator. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'compare');
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}

export function isZero(a: Money): boolean {
  return a.minor === 0;
}

export function isNegative(a: Money): boolean {
  return a.minor < 0;
}

export function sum(values: readonly Money[], currency: string): Money {
  return values.reduce((total, value) => add(total, value), zero(currency));
}
