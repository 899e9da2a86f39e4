/** `GET /api/shops/:code`: the shop card, every setting grouped as the seeds group them. */
export interface ShopCard {
  code: string;
  name?: string;
  shopifyDomain: string;
  groups: SettingsGroup[];
}

export interface SettingsGroup {
  id: string;
  title: string;
  help?: string;
  fields: SettingField[];
}

export type FieldType =
  'text' | 'number' | 'boolean' | 'choice' | 'multi-choice' | 'list' | 'secret' | 'rows';

export type Choice = string | { value: string; label?: string };

export interface SettingColumn {
  key: string;
  label: string;
  help?: string;
  type: FieldType;
  choices?: Choice[];
  /** Master data the value refers to (a kind of `GET /api/master-data/:kind`). */
  reference?: string;
  default?: unknown;
}

export interface SettingField extends SettingColumn {
  value: unknown;
  /** Code and Shopify domain cannot change once the shop is added. */
  fixed?: boolean;
  /** For `rows` (mappings): the fields of each row. */
  columns?: SettingColumn[];
}

export function choiceOptions(choices: readonly Choice[] = []): { value: string; label: string }[] {
  return choices.map((choice) =>
    typeof choice === 'string'
      ? { value: choice, label: choice }
      : { value: choice.value, label: choice.label ?? choice.value },
  );
}

/** Mappings (locations, shipment methods) and customer templates get their own tab. */
export function isMappingGroup(group: SettingsGroup): boolean {
  return /mapping|customer/i.test(group.id);
}
