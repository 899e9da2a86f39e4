import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../shared/errors.ts';
import { connectionSettings } from './settings-connection.ts';
import { customerSettings } from './settings-customers.ts';
import { invoiceExportSettings } from './settings-invoice-export.ts';
import { mappingSettings } from './settings-mappings.ts';
import { orderSettings } from './settings-orders.ts';
import { returnSettings } from './settings-returns.ts';
import { brokenRules } from './settings-rules.ts';

/**
 * A shop's settings: the seeds' "Shopify Shop Card" (seed 002) and "cart" (seed 000) as one
 * validated model. Each field's doc comment, in the group files, states its default; the
 * default is also in the schema, so a shop added with only code, domain and token is complete.
 * Unknown keys are refused (a misspelt setting would otherwise be silently ignored).
 */
export const shopSettingsShape = {
  ...connectionSettings,
  ...orderSettings,
  ...returnSettings,
  ...customerSettings,
  ...mappingSettings,
  ...invoiceExportSettings,
};

/** The fields alone, without the rules between them (used to look up a setting's type). */
export const shopSettingsFields = z.strictObject(shopSettingsShape);
export type ShopSettingsFields = z.output<typeof shopSettingsFields>;

export const shopSettingsSchema = shopSettingsFields
  .superRefine((settings, context) => {
    for (const issue of brokenRules(settings)) {
      context.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
    }
  })
  .transform((settings) => ({ ...settings, name: settings.name ?? settings.code }));

/** Valid settings, every default applied. Contains the secrets: never log or print it as is. */
export type ShopSettings = z.output<typeof shopSettingsSchema>;
/** What a shop file may contain: required fields plus any settings that differ from the default. */
export type ShopSettingsInput = z.input<typeof shopSettingsSchema>;

/** Parses settings or throws a ValidationError whose issues name every bad field. */
export function parseShopSettings(input: unknown, source = 'shop settings'): ShopSettings {
  const parsed = shopSettingsSchema.safeParse(input, { error: requiredMessage });
  if (parsed.success) return parsed.data;
  throw validationErrorFrom(parsed.error.issues, source);
}

function requiredMessage(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
}

export function validationErrorFrom(zodIssues: readonly z.core.$ZodIssue[], source: string): ValidationError {
  const issues = zodIssues.flatMap(toValidationIssues);
  const first = issues[0];
  const message =
    issues.length === 1 && first ? `${first.path}: ${first.message}` : `${source}: ${describe(issues)}`;
  return new ValidationError(message, issues);
}

function toValidationIssues(issue: z.core.$ZodIssue): ValidationIssue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: path ? `${path}.${key}` : key,
      message: 'is not a shop setting',
    }));
  }
  return [{ path: path || '(settings)', message: issue.message }];
}

function describe(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
