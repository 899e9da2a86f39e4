import { allocate, minorUnitExponent, money, type Money } from '../money/index.ts';

/**
 * A document's amounts in the local currency (seed 002: documents in the shop currency carry the
 * exchange rate valid on their date; the books are kept in the local currency). Pure and exact:
 * the rate is a decimal string and the product is computed on integers, rounded half away from
 * zero once, never through a float.
 */
export function convert(amount: Money, rate: string, localCurrency: string): Money {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(rate);
  if (!match) throw new RangeError(`Exchange rate "${rate}" is not a decimal number`);
  const fraction = match[2] ?? '';
  const scaled = BigInt(match[1]! + fraction);
  const shift = minorUnitExponent(localCurrency) - minorUnitExponent(amount.currency);
  const numerator = BigInt(Math.abs(amount.minor)) * scaled * 10n ** BigInt(Math.max(0, shift));
  const denominator = 10n ** BigInt(fraction.length) * 10n ** BigInt(Math.max(0, -shift));
  const rounded = (2n * numerator + denominator) / (2n * denominator);
  const sign = amount.minor < 0 ? -1 : 1;
  return money(sign * Number(rounded), localCurrency);
}

/**
 * Signed amounts of one balanced posting (debit +, credit -, summing to zero) in the local
 * currency, still summing to zero: the debit total is converted once and split over the debits
 * and over the credits in proportion to their amounts with the one largest-remainder allocate()
 * (DESIGN.md "Splits go through one allocate()"), so rounding never unbalances a posting.
 */
export function convertBalanced(signed: readonly Money[], rate: string, localCurrency: string): Money[] {
  const debits = signed.map((amount) => Math.max(0, amount.minor));
  const credits = signed.map((amount) => Math.max(0, -amount.minor));
  const total = debits.reduce((a, b) => a + b, 0);
  if (total === 0) return signed.map(() => money(0, localCurrency));
  const local = convert(money(total, signed[0]!.currency), rate, localCurrency);
  const debitShares = allocate(local, debits);
  const creditShares = allocate(local, credits);
  return signed.map((amount, index) =>
    amount.minor >= 0 ? debitShares[index]! : money(-creditShares[index]!.minor, localCurrency),
  );
}
