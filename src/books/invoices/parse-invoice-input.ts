import { z } from 'zod';
import { isCurrencyCode, money, parseMoney, type Money } from '../../money/index.ts';
import { ValidationError, type ValidationIssue } from '../../shared/errors.ts';

/**
 * A sales invoice made in the back office, as `storebridge invoices post --file` and
 * POST /api/invoices take it (docs/invoice-export.md "Back-office invoices"). Amounts are decimal
 * strings in the invoice's currency; a quantity is a number or a decimal string and may be a
 * fraction on lines that move no stock (a service item, a G/L account).
 */
const code = z.string().trim().min(1, 'must not be empty').max(20, 'must be at most 20 characters');
const decimal = z.union([z.string(), z.number()]).transform(String);
const quantity = z
  .union([z.number(), z.string()])
  .transform(String)
  .refine(
    (text) => /^[0-9]+(\.[0-9]{1,5})?$/.test(text.trim()),
    'must be a number above 0 with at most 5 decimals',
  )
  .transform((text) => Number(text.trim()))
  .refine((value) => value > 0, 'must be above 0');

const itemLine = z.strictObject({
  type: z.literal('item'),
  /** The item no. */
  no: code,
  description: z.string().trim().max(100).optional(),
  quantity,
  unitPrice: decimal,
  /** Default "0". */
  lineDiscount: decimal.optional(),
  /** Where the goods leave from; required for inventory items (seed 004 stock per location). */
  locationCode: code.optional(),
  /** Tax of the line. Default "0". */
  taxAmount: decimal.optional(),
});

const glAccountLine = z.strictObject({
  type: z.literal('gl_account'),
  /** The G/L account the line posts to (freight, fees). */
  no: code,
  description: z.string().trim().min(1, 'must not be empty').max(100),
  quantity,
  unitPrice: decimal,
  lineDiscount: decimal.optional(),
  taxAmount: decimal.optional(),
});

const commentLine = z.strictObject({
  type: z.literal('comment'),
  description: z.string().trim().min(1, 'must not be empty').max(100),
});

const invoiceSchema = z.strictObject({
  /** The shop whose accounts it posts with and which it may be exported to. */
  shop: code,
  customerNo: code,
  /** YYYY-MM-DD. Default: today in the shop's time zone. */
  documentDate: z.iso.date('must be a date YYYY-MM-DD').optional(),
  /** ISO 4217. Default: the shop's currency. */
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, 'must be an ISO 4217 currency code such as USD')
    .optional(),
  /**
   * What the customer still owes (the customer ledger entry's remaining amount; seed 002 exports
   * paid / partially paid from it). Default: the whole amount including tax (nothing paid yet).
   */
  remainingAmount: decimal.optional(),
  lines: z
    .array(z.discriminatedUnion('type', [itemLine, glAccountLine, commentLine]))
    .min(1, 'must have at least one line'),
});

export type InvoiceInput = z.output<typeof invoiceSchema>;

export interface ParsedLine {
  type: 'item' | 'gl_account' | 'comment';
  no: string | null;
  description: string | null;
  quantity: number;
  unitPrice: Money;
  lineDiscount: Money;
  taxAmount: Money;
  locationCode: string | null;
}

export interface ParsedInvoice {
  shop: string;
  customerNo: string;
  documentDate: string | undefined;
  currency: string;
  remainingAmount: Money | undefined;
  lines: ParsedLine[];
}

/**
 * The invoice, or a ValidationError naming every bad field (`lines.2.quantity`). The shop's
 * currency is the default currency, hence the callback once the shop is known.
 */
export function parseInvoiceInput(input: unknown, shopCurrency: (shop: string) => string): ParsedInvoice {
  const parsed = invoiceSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map(zodIssue));
  const invoice = parsed.data;
  const currency = invoice.currency ?? shopCurrency(invoice.shop);
  const issues: ValidationIssue[] = [];
  const amount = (text: string | undefined, path: string): Money => {
    if (text === undefined) return money(0, currency);
    try {
      return parseMoney(text, currency, path);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
      return money(0, currency);
    }
  };
  const lines = invoice.lines.map((line, index): ParsedLine => {
    const at = `lines.${index}`;
    if (line.type === 'comment')
      return {
        type: 'comment',
        no: null,
        description: line.description,
        quantity: 0,
        unitPrice: money(0, currency),
        lineDiscount: money(0, currency),
        taxAmount: money(0, currency),
        locationCode: null,
      };
    return {
      type: line.type,
      no: line.no,
      description: line.description ?? null,
      quantity: line.quantity,
      unitPrice: amount(line.unitPrice, `${at}.unitPrice`),
      lineDiscount: amount(line.lineDiscount, `${at}.lineDiscount`),
      taxAmount: amount(line.taxAmount, `${at}.taxAmount`),
      locationCode: line.type === 'item' ? (line.locationCode ?? null) : null,
    };
  });
  const remainingAmount =
    invoice.remainingAmount === undefined ? undefined : amount(invoice.remainingAmount, 'remainingAmount');
  if (issues.length > 0) throw invalid(issues);
  return {
    shop: invoice.shop,
    customerNo: invoice.customerNo,
    documentDate: invoice.documentDate,
    currency,
    remainingAmount,
    lines,
  };
}

export function invalid(issues: readonly ValidationIssue[]): ValidationError {
  const message = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new ValidationError(message, issues);
}

function zodIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys')
    return {
      path: path ? `${path}.${issue.keys.join(', ')}` : issue.keys.join(', '),
      message: 'is not a field of an invoice',
    };
  if (issue.code === 'invalid_type' && issue.input === undefined) return { path, message: 'is required' };
  if (issue.code === 'invalid_union' && path.startsWith('lines'))
    return {
      path: path.endsWith('.type') ? path : `${path}.type`,
      message: 'must be "item", "gl_account" or "comment"',
    };
  return { path: path || '(invoice)', message: issue.message };
}
