/**
 * ISO 4217 minor-unit exponents. Every currency not listed has 2 decimals.
 * Source: ISO 4217 "minor unit" column; Shopify formats amounts with the same exponents.
 */
const exponents: Readonly<Record<string, number>> = {
  // zero-decimal currencies
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // three-decimal currencies
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // four-decimal fund codes
  CLF: 4,
  UYW: 4,
};

const currencyCodePattern = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): boolean {
  return currencyCodePattern.test(value);
}

/** Decimal places of the currency's minor unit (JPY 0, EUR 2, KWD 3). */
export function minorUnitExponent(currency: string): number {
  if (!isCurrencyCode(currency)) throw new RangeError(`"${currency}" is not an ISO 4217 currency code`);
  return exponents[currency] ?? 2;
}
