import { allocate } from '../money/allocate.ts';
import { bagFromPresentment, subtractBags, sumBags, type Bag, type Currencies } from '../money/bag.ts';
import { parseDecimalToMinor, parseRatio, roundDiv } from '../money/decimal.ts';
import type { LineItem, ShippingLine, TaxLine } from '../model/order.ts';
import type { RestTaxLineInput } from './order-input.ts';

/** The taxable base of a line or shipping line: its price after its discounts. */
function taxableBase(target: LineItem | ShippingLine): Bag {
  const gross =
    'quantity' in target
      ? { shop: target.price.shop * target.quantity, presentment: target.price.presentment * target.quantity }
      : target.price;
  return subtractBags(
    gross,
    sumBags(target.discountAllocations, (allocation) => allocation.amount),
  );
}

/**
 * Tax at `rate` on `base`. With taxes included the price already holds the tax, so the tax is
 * base x rate / (1 + rate): the BC connector's EUR order has 55.20 incl. 21% -> 9.58.
 */
export function taxOn(base: number, rate: string, taxesIncluded: boolean): number {
  const ratio = parseRatio(rate);
  if (!taxesIncluded) return roundDiv(base * ratio.numerator, ratio.denominator);
  return roundDiv(base * ratio.numerator, ratio.denominator + ratio.numerator);
}

function rateText(rate: string | number | undefined): string {
  return rate === undefined ? '0.0' : String(rate);
}

/** Tax lines given on a line (or shipping line): `price` is the tax for the whole line. */
export function taxLinesFor(
  target: LineItem | ShippingLine,
  inputs: RestTaxLineInput[] | undefined,
  currencies: Currencies,
  taxesIncluded: boolean,
): TaxLine[] {
  const base = taxableBase(target).presentment;
  return (inputs ?? []).map((input) => {
    const rate = rateText(input.rate);
    const amount =
      input.price !== undefined
        ? parseDecimalToMinor(input.price, currencies.presentment)
        : taxOn(base, rate, taxesIncluded);
    return {
      title: input.title ?? 'Tax',
      rate,
      price: bagFromPresentment(amount, currencies),
      channelLiable: input.channel_liable ?? null,
    };
  });
}

/**
 * Order-level tax_lines (no per-line taxes given): each tax's amount is spread over the
 * taxable lines by their discounted price, largest remainder first.
 */
export function spreadOrderTaxLines(
  lines: LineItem[],
  inputs: RestTaxLineInput[],
  currencies: Currencies,
  taxesIncluded: boolean,
): void {
  const taxable = lines.filter((line) => line.taxable);
  const bases = taxable.map((line) => taxableBase(line).presentment);
  for (const input of inputs) {
    const rate = rateText(input.rate);
    const total =
      input.price !== undefined
        ? parseDecimalToMinor(input.price, currencies.presentment)
        : bases.reduce((sum, base) => sum + taxOn(base, rate, taxesIncluded), 0);
    const shares = allocate(total, bases);
    taxable.forEach((line, index) => {
      line.taxLines.push({
        title: input.title ?? 'Tax',
        rate,
        price: bagFromPresentment(shares[index] ?? 0, currencies),
        channelLiable: input.channel_liable ?? null,
      });
    });
  }
}
