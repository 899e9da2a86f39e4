/**
 * Money as the API sends it (decimal strings in a currency) turned into integer minor units and
 * shown with Intl.NumberFormat. Sums are BigInt minor units: never floats (DESIGN.md "Money").
 */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** "12.5" in EUR -> 1250n. Throws on anything but a plain decimal. */
export function toMinor(decimal: string, currency: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`"${decimal}" is not an amount`);
  const exponent = currencyExponent(currency);
  const fraction = (match[3] ?? '').padEnd(exponent, '0');
  if (fraction.length > exponent)
    throw new Error(`"${decimal}" has more than ${exponent} decimals for ${currency}`);
  const minor = BigInt((match[2] ?? '0') + fraction);
  return match[1] ? -minor : minor;
}

/** 1250n in EUR -> "€12.50" (the browser's locale), formatted from the exact decimal string. */
export function formatMinor(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const decimal = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return format.format(`${negative ? '-' : ''}${decimal}` as Intl.StringNumericLiteral);
}

/** A decimal string from the API, shown in its currency. */
export function formatAmount(decimal: string | null | undefined, currency: string): string {
  if (decimal === null || decimal === undefined || decimal === '') return '';
  return formatMinor(toMinor(decimal, currency), currency);
}

export function sumMinor(values: readonly bigint[]): bigint {
  return values.reduce((sum, value) => sum + value, 0n);
}
