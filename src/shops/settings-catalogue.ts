/**
 * What the web UI shows for each shop setting (issue 9): its group, label and help text, and the
 * master data it names. The help texts are the settings' doc comments (settings-*.ts) without
 * the seed citations; settings-catalogue.test.ts checks that every setting has an entry and
 * every entry is a setting. Types, choices and defaults come from the model itself (shop-form.ts).
 */

import type { CatalogueEntry } from './settings-catalogue-types.ts';
import { connectionCatalogue } from './settings-catalogue-connection.ts';
import { customersCatalogue } from './settings-catalogue-customers.ts';
import { invoiceExportCatalogue } from './settings-catalogue-invoice-export.ts';
import { mappingsCatalogue } from './settings-catalogue-mappings.ts';
import { ordersCatalogue } from './settings-catalogue-orders.ts';
import { returnsCatalogue } from './settings-catalogue-returns.ts';

export {
  settingGroups,
  type CatalogueColumn,
  type CatalogueEntry,
  type SettingGroupId,
  type SettingReferenceKind,
} from './settings-catalogue-types.ts';

/** One entry per setting, by the dotted key `shop set` takes (the form takes the model's order). */
export const settingsCatalogue: Record<string, CatalogueEntry> = {
  ...connectionCatalogue,
  ...ordersCatalogue,
  ...returnsCatalogue,
  ...customersCatalogue,
  ...mappingsCatalogue,
  ...invoiceExportCatalogue,
};
