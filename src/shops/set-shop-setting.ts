import { ValidationError } from '../shared/errors.ts';
import { applyAssignments, parseAssignments, type SettingAssignment } from './setting-assignment.ts';
import { decodeShopInput, encodeShop, loadShopRecord, type ShopDeps } from './shop-codec.ts';
import { assertReferencesExist } from './shop-references.ts';
import { updateShopRecord } from './shop-repository.ts';
import { shopView, type ShopView } from './shop-view.ts';
import { parseShopSettings } from './settings.ts';

/** Identity: synced orders and documents are keyed by shop code, and a domain is the Shopify store itself. */
const fixedKeys: Record<string, string> = {
  code: 'cannot be changed once the shop is added',
  shopifyDomain: 'cannot be changed: add another shop for another Shopify store',
};

/**
 * Changes settings from `dotted.key=value` texts (setting-assignment.ts reads them) and saves
 * the shop only if the whole model is still valid and every reference exists.
 */
export async function setShopSetting(
  deps: ShopDeps,
  code: string,
  texts: readonly string[],
): Promise<{ shop: ShopView; changed: string[] }> {
  return changeShopSettings(deps, code, parseAssignments(texts));
}

/**
 * Applies assignments (from `key=value` texts, or from JSON: setting-changes.ts) with the same
 * checks: nothing is saved unless every changed field, the whole model and its references are valid.
 */
export async function changeShopSettings(
  deps: ShopDeps,
  code: string,
  assignments: readonly SettingAssignment[],
): Promise<{ shop: ShopView; changed: string[] }> {
  assertNotFixed(assignments);
  return deps.db.transaction().execute(async (trx) => {
    // The stored input, not the validated settings: a shop saved before a rule was added can be repaired here.
    const current = decodeShopInput(await loadShopRecord(trx, code), deps.secretKey);
    const settings = parseShopSettings(applyAssignments(current, assignments), `shop ${code}`);
    await assertReferencesExist(trx, settings);
    await updateShopRecord(trx, encodeShop(settings, deps.secretKey));
    return { shop: shopView(settings), changed: assignments.map((assignment) => assignment.key) };
  });
}

function assertNotFixed(assignments: readonly SettingAssignment[]): void {
  const issues = assignments
    .filter((assignment) => Object.hasOwn(fixedKeys, assignment.key))
    .map((assignment) => ({ path: assignment.key, message: fixedKeys[assignment.key] ?? '' }));
  if (issues.length > 0) {
    throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  }
}
