import { z } from 'zod';
import { formatMoney } from '../money/index.ts';
import { currencyCode, decimalText, key, optionalText, priceOrIssue, requiredText } from './fields.ts';
import type { Item } from './types.ts';

/** One item as a file holds it (JSON and CSV alike): `no, sku, description, type, unitPrice, currency`. */
export const itemFields = z.strictObject({
  no: key,
  sku: optionalText,
  description: requiredText,
  /** Default `inventory`: most rows in a catalogue are stocked goods. */
  type: z
    .union([z.enum(['inventory', 'service']), z.literal('')], {
      error: (issue) => `"${String(issue.input)}" is not one of inventory, service`,
    })
    .optional()
    .transform((value) => value || 'inventory'),
  unitPrice: decimalText,
  currency: currencyCode,
});

export const itemRow = itemFields.transform((row, context): Item => ({
  no: row.no,
  sku: row.sku,
  description: row.description,
  type: row.type,
  unitPrice: priceOrIssue(row.unitPrice, row.currency, 'unitPrice', context),
}));

/** The item as an import file row, so that `master list items --json` can be imported again. */
export function itemToFileRow(item: Item): z.input<typeof itemFields> {
  return {
    no: item.no,
    sku: item.sku,
    description: item.description,
    type: item.type,
    unitPrice: formatMoney(item.unitPrice),
    currency: item.unitPrice.currency,
  };
}
