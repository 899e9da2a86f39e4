import { z } from 'zod';

/**
 * Field types the shop settings share. Back-office numbers (G/L accounts, locations, customers,
 * templates) are codes of up to 20 characters; whether they exist is checked against the master
 * data when a shop is saved (shop-references.ts), not here, so parsing stays pure.
 */
export const backOfficeCode = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20, 'must be at most 20 characters');

/** Node's ICU list of ISO 4217 codes, so a typo such as "EUO" is refused, not just a bad shape. */
const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => isoCurrencies.has(code), 'must be an ISO 4217 currency code such as USD or EUR');

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (code) => /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== undefined,
    'must be an ISO 3166-1 alpha-2 country code such as US or DE',
  );

/** An IANA zone name that this Node's Intl accepts ("Europe/Berlin", "UTC"); offsets are refused. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .trim()
  .refine(isIanaTimeZone, 'must be an IANA time zone such as Europe/Berlin or UTC');

/** A secret as it arrives from a file or a flag; it is never stored in the settings JSON (shop-secrets.ts). */
export const secretText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  // `shop show` prints these placeholders; a copied show output must not store one as the secret.
  .refine(
    (text) => text !== '(set)' && text !== '(not set)',
    'is the placeholder shop show prints, not the secret',
  );

/** Each value at most once: a list of choices where order or uniqueness matters. */
export function uniqueList<T extends z.ZodType>(element: T) {
  return z
    .array(element)
    .refine((values) => new Set(values).size === values.length, 'must not list a value twice');
}

/** A list whose entries are told apart by one field: a repeated value is refused at its index. */
export function listUniqueBy<T extends z.ZodType<Record<string, unknown>>>(element: T, key: string) {
  return z.array(element).superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const value = String(entry[key]).toLowerCase();
      if (seen.has(value)) {
        context.addIssue({
          code: 'custom',
          path: [index, key],
          message: `"${String(entry[key])}" is listed twice`,
        });
      }
      seen.add(value);
    });
  });
}
