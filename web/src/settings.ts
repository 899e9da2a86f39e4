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

export type FieldType = 'text' | 'number' | 'boolean' | 'choice' | 'multi-choice' | 'list' | 'secret';

export type Choice = string | { value: string; label?: string };

export interface SettingField {
  key: string;
  label: string;
  help?: string;
  type: FieldType;
  choices?: Choice[];
  /** Master data the value refers to (a kind of `GET /api/master-data/:kind`). */
  reference?: string;
  value: unknown;
  default?: unknown;
}

export function choiceOptions(choices: readonly Choice[] = []): { value: string; label: string }[] {
  return choices.map((choice) =>
    typeof choice === 'string'
      ? { value: choice, label: choice }
      : { value: choice.value, label: choice.label ?? choice.value },
  );
}

/** Mappings (locations, shipment methods, customer templates, accounts) get their own tab. */
export function isMappingGroup(group: SettingsGroup): boolean {
  return /mapping|account|location|shipment|customer/i.test(`${group.id} ${group.title}`);
}
