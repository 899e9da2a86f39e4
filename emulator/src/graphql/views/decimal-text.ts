import { formatMinor, parseDecimalToMinor } from '../../domain/index.ts';

/** Re-renders a decimal string in the currency's exponent ("10" -> "10.00"), as Shopify prints Decimals. */
export function formatMinorDecimal(value: string, currency: string): string {
  return formatMinor(parseDecimalToMinor(value, currency), currency);
}
