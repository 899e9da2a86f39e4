import { z } from 'zod';
import { settingKeys, settingKind, settingSchemaAt, unwrapSetting } from './setting-paths.ts';
import {
  settingGroups,
  settingsCatalogue,
  type CatalogueColumn,
  type SettingGroupId,
  type SettingReferenceKind,
} from './settings-catalogue.ts';
import { secretText } from './settings-fields.ts';
import type { ShopView } from './shop-view.ts';

/** How the web UI edits a setting; `rows` is a list of objects (mappings), edited as a table. */
export type SettingFieldType =
  'text' | 'number' | 'boolean' | 'choice' | 'multi-choice' | 'list' | 'secret' | 'rows';

export interface SettingColumn {
  key: string;
  label: string;
  help: string;
  type: SettingFieldType;
  choices?: string[];
  reference?: SettingReferenceKind;
  /** The default when the setting is left out; null when it has none (unset, or required). */
  default: unknown;
}

export interface SettingField extends SettingColumn {
  /** The stored value (a secret only as "(set)" or "(not set)"); null when unset. */
  value: unknown;
  /** True for code and shopifyDomain, which cannot be changed once the shop is added. */
  fixed?: true;
  /** For `rows`: the fields of each row. */
  columns?: SettingColumn[];
}

export interface ShopForm {
  code: string;
  name: string;
  shopifyDomain: string;
  groups: { id: SettingGroupId; title: string; help: string; fields: SettingField[] }[];
}

const fixedKeys = new Set(['code', 'shopifyDomain']);

/** A shop's settings as the web UI's form: grouped, labelled, typed, secrets hidden. */
export function shopForm(view: ShopView): ShopForm {
  const fields = settingKeys().map((key) => settingField(view, key));
  return {
    code: view.code,
    name: view.name,
    shopifyDomain: view.shopifyDomain,
    groups: settingGroups.map((group) => ({
      ...group,
      fields: fields.filter((field) => settingsCatalogue[field.key]?.group === group.id),
    })),
  };
}

function settingField(view: ShopView, key: string): SettingField {
  const schema = settingSchemaAt(key) as z.ZodType;
  const entry = settingsCatalogue[key];
  const field: SettingField = {
    ...column(key, schema, entry ?? { label: key, help: '' }),
    value: valueAt(view, key) ?? null,
  };
  if (fixedKeys.has(key)) field.fixed = true;
  if (field.type === 'rows') field.columns = rowColumns(schema, entry?.columns ?? {});
  return field;
}

function column(key: string, schema: z.ZodType, entry: CatalogueColumn): SettingColumn {
  const { type, choices } = typeOf(schema);
  return {
    key,
    label: entry.label,
    help: entry.help,
    type,
    ...(choices && { choices }),
    ...(entry.reference && { reference: entry.reference }),
    default: defaultOf(schema),
  };
}

function rowColumns(schema: z.ZodType, entries: Record<string, CatalogueColumn>): SettingColumn[] {
  const list = unwrapSetting(schema) as z.ZodArray;
  const row = unwrapSetting(list.element as z.ZodType) as z.ZodObject;
  return Object.entries(row.shape).map(([key, field]) =>
    column(key, field as z.ZodType, entries[key] ?? { label: key, help: '' }),
  );
}

function typeOf(schema: z.ZodType): { type: SettingFieldType; choices?: string[] } {
  const inner = unwrapSetting(schema);
  if (inner === unwrapSetting(secretText)) return { type: 'secret' };
  if (inner instanceof z.ZodEnum) return { type: 'choice', choices: inner.options.map(String) };
  switch (settingKind(schema)) {
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: 'number' };
    case 'objectList':
      return { type: 'rows' };
    case 'list': {
      const element = unwrapSetting((inner as z.ZodArray).element as z.ZodType);
      return element instanceof z.ZodEnum
        ? { type: 'multi-choice', choices: element.options.map(String) }
        : { type: 'list' };
    }
    default:
      return { type: 'text' };
  }
}

function defaultOf(schema: z.ZodType): unknown {
  const parsed = schema.safeParse(undefined);
  return parsed.success ? (parsed.data ?? null) : null;
}

function valueAt(view: ShopView, key: string): unknown {
  let value: unknown = view;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}
