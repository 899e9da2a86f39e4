import { money, subtract, sum, type Money } from '../money/index.ts';
import type { DraftLine, LineType } from './sales-document-lines.ts';

/**
 * The lines and totals of a sales invoice made in the back office (issue 8 item 6: invoices that
 * did not come from Shopify). Pure: the caller has checked the items, accounts and locations.
 * A line's amount is its quantity times the unit price, rounded half away from zero to the
 * currency's minor unit (a fraction of a unit is allowed on lines that move no stock), less the
 * line discount; tax is given per line, excluded from the amount (the back office's own prices).
 */
export interface BackOfficeLineInput {
  type: LineType;
  no: string | null;
  description: string;
  quantity: number;
  unitPrice: Money;
  lineDiscount: Money;
  taxAmount: Money;
  locationCode: string | null;
}

export interface BackOfficeInvoiceDraft {
  lines: DraftLine[];
  amount: Money;
  taxAmount: Money;
  amountIncludingTax: Money;
}

/** A discount that exceeds its line, as `lines.<index>.lineDiscount`. */
export interface LineAmountProblem {
  index: number;
  field: 'lineDiscount';
  message: string;
}

export type BackOfficeInvoiceOutcome =
  { ok: true; draft: BackOfficeInvoiceDraft } | { ok: false; problems: LineAmountProblem[] };

export function backOfficeInvoice(
  lines: readonly BackOfficeLineInput[],
  currency: string,
): BackOfficeInvoiceOutcome {
  const problems: LineAmountProblem[] = [];
  const drafts = lines.map((line, index): DraftLine => {
    const gross = money(roundHalfAway(line.unitPrice.minor * line.quantity), currency);
    const discount = line.lineDiscount;
    if (discount.minor < 0 || (gross.minor >= 0 && discount.minor > gross.minor))
      problems.push({
        index,
        field: 'lineDiscount',
        message: 'must be between 0 and the quantity times the unit price',
      });
    return {
      lineNo: index + 1,
      type: line.type,
      no: line.no,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineDiscount: discount,
      amount: subtract(gross, discount),
      taxAmount: line.taxAmount,
      locationCode: line.locationCode,
      releasedQuantity: 0,
      shopifyLineId: null,
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  const amount = sum(
    drafts.map((line) => line.amount),
    currency,
  );
  const taxAmount = sum(
    drafts.map((line) => line.taxAmount),
    currency,
  );
  return {
    ok: true,
    draft: { lines: drafts, amount, taxAmount, amountIncludingTax: sum([amount, taxAmount], currency) },
  };
}

function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
