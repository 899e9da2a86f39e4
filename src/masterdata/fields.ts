import { z } from 'zod';
import { isCurrencyCode, parseMoney, type Money } from '../money/index.ts';
import { ValidationError } from '../shared/errors.ts';

/**
 * Field parsers shared by the row schemas. Input comes from JSON (strings, numbers, nulls) and
 * from CSV (always strings, '' for an empty cell), so every optional field treats '' as absent.
 */

const trimmed = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .transform((value) => value.trim());

/** A key such as an item no. or account no.; JSON files may write numeric ones as numbers. */
export const key = z
  .union([z.string(), z.int().nonnegative()], { error: 'must be text' })
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, 'is required').max(50, 'is longer than 50 characters'));

export const requiredText = trimmed.pipe(z.string().min(1, 'is required'));

/** Absent, null and '' all become null, so a CSV cell and a JSON field mean the same. */
export const optionalText = z
  .string({ error: 'must be text' })
  .nullish()
  .transform((value) => (value ? value.trim() || null : null));

export function optional<T extends z.ZodType<unknown, string>>(schema: T) {
  return optionalText.pipe(schema.nullable());
}

export const currencyCode = trimmed
  .transform((value) => value.toUpperCase())
  .refine(isCurrencyCode, { error: (issue) => `"${String(issue.input)}" is not an ISO 4217 currency code` });

export const countryCode = trimmed
  .transform((value) => value.toUpperCase())
  .refine((value) => /^[A-Z]{2}$/.test(value), {
    error: (issue) => `"${String(issue.input)}" is not a two-letter country code`,
  });

export const email = z.email({ error: (issue) => `"${String(issue.input)}" is not an email address` });

/**
 * Spaces, dashes, dots and parentheses are formatting, not part of the number: dropping them
 * lets "+1 (613) 555-0100" in a file match Shopify's "+16135550100" on an order.
 */
export function normalizePhone(value: string): string {
  return value.replace(/[\s\-.()]/g, '');
}

export const phone = z
  .string()
  .refine((value) => /^\+?\d{3,20}$/.test(normalizePhone(value)), {
    error: (issue) => `"${String(issue.input)}" is not a phone number`,
  })
  .transform(normalizePhone);

/**
 * A non-negative decimal such as "12.50". Text only: a JSON number would already be a float.
 * Whether the decimals fit the currency is checked with the currency (see `priceOrIssue`).
 */
export const decimalText = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : 'must be a decimal amount in quotes, e.g. "12.50"',
  })
  .transform((value) => value.trim())
  .refine((value) => /^\d+(\.\d+)?$/.test(value), {
    error: (issue) => `"${String(issue.input)}" is not a decimal amount`,
  });

/**
 * Turns a checked decimal into Money in the row's currency, reporting decimals the currency does
 * not have ("12.505" USD, "100.5" JPY) on `field` rather than rounding them.
 */
export function priceOrIssue(text: string, currency: string, field: string, context: z.RefinementCtx): Money {
  try {
    return parseMoney(text, currency, field);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    context.addIssue({ code: 'custom', path: [field], message: error.issues[0]?.message ?? error.message });
    return { minor: 0, currency };
  }
}
