import { sum, type Money } from '../money/index.ts';

/** A document's header figures are its lines' sums: amount, tax, and both together. */
export function documentTotals(
  lines: readonly { amount: Money; taxAmount: Money }[],
  currency: string,
): { amount: Money; taxAmount: Money; amountIncludingTax: Money } {
  const amount = sum(
    lines.map((l) => l.amount),
    currency,
  );
  const taxAmount = sum(
    lines.map((l) => l.taxAmount),
    currency,
  );
  return { amount, taxAmount, amountIncludingTax: sum([amount, taxAmount], currency) };
}
