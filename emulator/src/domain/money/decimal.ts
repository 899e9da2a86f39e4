import { currencyExponent } from './currencies.ts';

/**
 * Money is integer minor units. Shopify sends decimal strings ("199.00") and, in REST
 * inputs, JSON numbers (41.94). Both are parsed by splitting on '.', never as floats.
 */
export type Minor = number;

export function parseDecimalToMinor(value: string | number, currency: string): Minor {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new RangeError(`"${String(value)}" is not a decimal amount`);
  }
  const exponent = currencyExponent(currency);
  const sign = match[1] === '-' ? -1 : 1;
  const whole = match[2] === '' ? '0' : (match[2] ?? '0');
  const fraction = match[3] ?? '';
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fraction.slice(exponent);
  const roundUp = dropped.length > 0 && Number(dropped[0]) >= 5 ? 1 : 0;
  return sign * (Number(whole) * 10 ** exponent + Number(kept || '0') + roundUp);
}

/** Formats minor units as Shopify's decimal string ("3.98", "-5.00", "1000" for JPY). */
export function formatMinor(amount: Minor, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** A JSON number such as 1e-7 must not reach the parser in exponent notation. */
function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite amount`);
  const text = String(value);
  return text.includes('e') ? value.toFixed(20).replace(/0+$/, '') : text;
}

/** A rate ("0.06", 0.21, "1.3") as an exact fraction numerator/denominator. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export function parseRatio(value: string | number): Ratio {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const [whole = '0', fraction = ''] = text.split('.');
  const denominator = 10 ** fraction.length;
  const numerator =
    Number(whole || '0') * denominator + Number(fraction || '0') * (whole.startsWith('-') ? -1 : 1);
  return { numerator, denominator };
}

/** Rounds a/b half away from zero (Shopify rounds money half up). */
export function roundDiv(a: number, b: number): number {
  if (b === 0) throw new RangeError('division by zero');
  const negative = a < 0 !== b < 0;
  const absA = Math.abs(a);
  const absB = Math.abs(b);
  const quotient = Math.floor(absA / absB);
  const remainder = absA - quotient * absB;
  const rounded = remainder * 2 >= absB ? quotient + 1 : quotient;
  return negative ? -rounded : rounded;
}

export function multiplyByRatio(amount: Minor, ratio: Ratio): Minor {
  return roundDiv(amount * ratio.numerator, ratio.denominator);
}

export function ratioToString(ratio: Ratio): string {
  const exponent = Math.round(Math.log10(ratio.denominator));
  if (exponent <= 0) return String(ratio.numerator);
  const digits = String(Math.abs(ratio.numerator)).padStart(exponent + 1, '0');
  const text = `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
    .replace(/0+$/, '')
    .replace(/\.$/, '.0');
  return (ratio.numerator < 0 ? '-' : '') + text;
}
