import { z } from 'zod';
import { shopSettingsFields } from './settings.ts';

/**
 * Looks settings up by dotted key ("orderFilters.tags") in the model itself, so `shop set` and
 * `shop show` know every setting without a second list to keep in step.
 */
export function settingSchemaAt(key: string): z.ZodType | undefined {
  let schema: z.ZodType = shopSettingsFields;
  for (const part of key.split('.')) {
    const object = unwrapSetting(schema);
    if (!(object instanceof z.ZodObject) || !Object.hasOwn(object.shape, part)) return undefined;
    schema = object.shape[part] as z.ZodType;
  }
  return schema;
}

/** What a setting holds: decides how `key=value` text is read. */
export type SettingKind = 'boolean' | 'number' | 'text' | 'list' | 'group' | 'objectList';

export function settingKind(schema: z.ZodType): SettingKind {
  const inner = unwrapSetting(schema);
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodObject) return 'group';
  if (inner instanceof z.ZodArray) {
    return unwrapSetting(inner.element as z.ZodType) instanceof z.ZodObject ? 'objectList' : 'list';
  }
  return 'text';
}

/** Every settable key, groups expanded ("accounts.refund"), lists of objects kept whole, in model order. */
export function settingKeys(schema: z.ZodType = shopSettingsFields, prefix = ''): string[] {
  const object = unwrapSetting(schema);
  if (!(object instanceof z.ZodObject)) return [prefix];
  return Object.entries(object.shape).flatMap(([key, field]) =>
    settingKeys(field as z.ZodType, prefix ? `${prefix}.${key}` : key),
  );
}

/** The schema under optional/default/nullable wrappers and transforms. */
export function unwrapSetting(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}
