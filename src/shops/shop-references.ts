import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import {
  findMissingReferences,
  type MasterDataKind,
  type MasterDataReferences,
} from '../masterdata/index.ts';
import { ValidationError } from '../shared/errors.ts';
import type { ShopSettings } from './settings.ts';

/** A setting that names a master-data record, by the field's dotted path. */
export interface SettingReference {
  path: string;
  kind: MasterDataKind;
  no: string;
}

const kindLabels: Record<MasterDataKind, string> = {
  gl_account: 'G/L account',
  location: 'location',
  customer: 'customer',
  item: 'item',
};

/**
 * Every G/L account, location, customer and item the settings name. Template, shipment method,
 * shipping agent and item charge codes have no master data in storebridge and are not checked.
 */
export function settingReferences(settings: ShopSettings): SettingReference[] {
  const references: Array<SettingReference | undefined> = [
    ...Object.entries(settings.accounts).map(([field, no]) =>
      reference(`accounts.${field}`, 'gl_account', no),
    ),
    reference('defaultReturnLocation', 'location', settings.defaultReturnLocation),
    ...settings.locationMappings.map((m, i) =>
      reference(`locationMappings.${i}.locationCode`, 'location', m.locationCode),
    ),
    reference('defaultCustomerNo', 'customer', settings.defaultCustomerNo),
    reference('defaultCompanyNo', 'customer', settings.defaultCompanyNo),
    ...settings.customerTemplates.map((t, i) =>
      reference(`customerTemplates.${i}.defaultCustomerNo`, 'customer', t.defaultCustomerNo),
    ),
    ...settings.shipmentMethodMappings.map((m, i) =>
      chargesReference(`shipmentMethodMappings.${i}.chargesNo`, m),
    ),
  ];
  return references.filter((entry) => entry !== undefined);
}

/** Refuses settings that name records which do not exist, one issue per setting. */
export async function assertReferencesExist(db: Kysely<Database>, settings: ShopSettings): Promise<void> {
  const references = settingReferences(settings);
  const missing = await findMissingReferences(db, byKind(references));
  if (missing.length === 0) return;
  const isMissing = (ref: SettingReference) => missing.some((m) => m.kind === ref.kind && m.no === ref.no);
  const issues = references
    .filter(isMissing)
    .map((ref) => ({ path: ref.path, message: `${kindLabels[ref.kind]} ${ref.no} does not exist` }));
  const text = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new ValidationError(text, issues);
}

function byKind(references: readonly SettingReference[]): MasterDataReferences {
  const nos = (kind: MasterDataKind) => references.filter((ref) => ref.kind === kind).map((ref) => ref.no);
  return {
    glAccounts: nos('gl_account'),
    locations: nos('location'),
    customers: nos('customer'),
    items: nos('item'),
  };
}

function reference(path: string, kind: MasterDataKind, no: string | undefined): SettingReference | undefined {
  return no === undefined ? undefined : { path, kind, no };
}

function chargesReference(
  path: string,
  mapping: ShopSettings['shipmentMethodMappings'][number],
): SettingReference | undefined {
  if (mapping.chargesType === 'gl_account') return reference(path, 'gl_account', mapping.chargesNo);
  if (mapping.chargesType === 'item') return reference(path, 'item', mapping.chargesNo);
  return undefined;
}
