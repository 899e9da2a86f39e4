import { z } from 'zod';
import { key, requiredText } from './fields.ts';
import type { GlAccount } from './types.ts';

const accountTypes = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;

/** One G/L account as a file holds it: `no, name, accountType`. */
export const glAccountFields = z.strictObject({
  no: key,
  name: requiredText,
  accountType: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .transform((value) => value.trim().toLowerCase())
    .pipe(
      z.enum(accountTypes, {
        error: (issue) => `"${String(issue.input)}" is not one of ${accountTypes.join(', ')}`,
      }),
    ),
});

export const glAccountRow = glAccountFields.transform((row): GlAccount => ({
  no: row.no,
  name: row.name,
  accountType: row.accountType,
}));

export function glAccountToFileRow(account: GlAccount): z.input<typeof glAccountFields> {
  return { no: account.no, name: account.name, accountType: account.accountType };
}
