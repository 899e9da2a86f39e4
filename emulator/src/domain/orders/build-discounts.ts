import { allocate } from '../money/allocate.ts';
import { bagFromPresentment, type Bag, type Currencies } from '../money/bag.ts';
import { parseDecimalToMinor, parseRatio, roundDiv } from '../money/decimal.ts';
import type { DiscountApplication, DiscountCode, LineItem, ShippingLine } from '../model/order.ts';
import type { RestDiscountApplicationInput, RestDiscountCodeInput, RestOrderInput } from './order-input.ts';

export interface BuiltDiscounts {
  applications: DiscountApplication[];
  codes: DiscountCode[];
}

/**
 * discount_codes -> one application each. Shopify records codes given to REST order creation
 * as "manual" applications titled with the code (recorded POST orders.json with FAKE30), allocated to lines (or shipping for "shipping").
 * A fixed amount is spread "across" lines by their price with the leftover cent on the
 * earliest line (order 450789469: TENOFF 10.00 -> 3.34, 3.33, 3.33). A percentage is
 * taken from every line and rounded per line (FAKE30 9% of 199.00 -> 17.91).
 */
export function applyDiscounts(
  input: RestOrderInput,
  lines: LineItem[],
  shippingLines: ShippingLine[],
  currencies: Currencies,
): BuiltDiscounts {
  const allocationsGiven = input.line_items.some((line) => (line.discount_allocations?.length ?? 0) > 0);
  if (allocationsGiven) return explicitApplications(input.discount_applications ?? [], input);
  const built = discountsFromCodes(input, lines, shippingLines, currencies);
  // An import may describe how the discount was applied (e.g. a checkout "discount_code").
  const described = explicitApplications(input.discount_applications ?? [], input).applications;
  built.applications = built.applications.map((application, index) => described[index] ?? application);
  return built;
}

function discountsFromCodes(
  input: RestOrderInput,
  lines: LineItem[],
  shippingLines: ShippingLine[],
  currencies: Currencies,
): BuiltDiscounts {
  const applications: DiscountApplication[] = [];
  const codes: DiscountCode[] = [];
  for (const code of input.discount_codes ?? []) {
    const index = applications.length;
    const type = code.type ?? 'fixed_amount';
    applications.push(codeApplication(code, type));
    const targets = type === 'shipping' ? shippingLines : lines;
    const amounts =
      type === 'percentage' ? percentageAmounts(code, targets) : fixedAmounts(code, targets, currencies);
    targets.forEach((target, position) => {
      const amount = amounts[position] ?? 0;
      if (amount !== 0)
        target.discountAllocations.push({
          amount: bagFromPresentment(amount, currencies),
          discountApplicationIndex: index,
        });
    });
    const total = amounts.reduce((sum, amount) => sum + amount, 0);
    codes.push({ code: code.code, amount: bagFromPresentment(total, currencies), type });
  }
  return { applications, codes };
}

function codeApplication(code: RestDiscountCodeInput, type: string): DiscountApplication {
  return {
    targetType: type === 'shipping' ? 'shipping_line' : 'line_item',
    type: 'manual',
    value: decimalValue(code.amount),
    valueType: type === 'percentage' ? 'percentage' : 'fixed_amount',
    allocationMethod: 'across',
    targetSelection: 'all',
    code: null,
    title: code.code,
    description: code.code,
  };
}

function decimalValue(amount: string | number): string {
  const text = String(amount);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '.0') : `${text}.0`;
}

function grossOf(target: LineItem | ShippingLine): number {
  return 'quantity' in target ? target.price.presentment * target.quantity : target.price.presentment;
}

function fixedAmounts(
  code: RestDiscountCodeInput,
  targets: (LineItem | ShippingLine)[],
  currencies: Currencies,
) {
  const gross = targets.map(grossOf);
  const total = Math.min(
    parseDecimalToMinor(code.amount, currencies.presentment),
    gross.reduce((sum, value) => sum + value, 0),
  );
  return allocate(total, gross);
}

function percentageAmounts(code: RestDiscountCodeInput, targets: (LineItem | ShippingLine)[]): number[] {
  const percent = parseRatio(code.amount);
  return targets.map((target) => roundDiv(grossOf(target) * percent.numerator, percent.denominator * 100));
}

/** Imported orders carry their applications and per-line allocations as Shopify recorded them. */
function explicitApplications(inputs: RestDiscountApplicationInput[], order: RestOrderInput): BuiltDiscounts {
  const applications = inputs.map((input): DiscountApplication => ({
    targetType: input.target_type ?? 'line_item',
    type: input.type ?? 'discount_code',
    value: input.value,
    valueType: input.value_type ?? 'fixed_amount',
    allocationMethod: input.allocation_method ?? 'across',
    targetSelection: input.target_selection ?? 'all',
    code: input.code ?? null,
    title: input.title ?? null,
    description: input.description ?? null,
  }));
  const codes = (order.discount_codes ?? []).map((code): DiscountCode => ({
    code: code.code,
    amount: { shop: 0, presentment: 0 },
    type: code.type ?? 'fixed_amount',
  }));
  return { applications, codes };
}

export function allocationsFromInput(
  allocations: { amount: string | number; discount_application_index: number }[] | undefined,
  currencies: Currencies,
): { amount: Bag; discountApplicationIndex: number }[] {
  return (allocations ?? []).map((allocation) => ({
    amount: bagFromPresentment(parseDecimalToMinor(allocation.amount, currencies.presentment), currencies),
    discountApplicationIndex: allocation.discount_application_index,
  }));
}
