import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { joinSecrets, sealSecrets, splitSecrets, unsealSecrets } from './shop-secrets.ts';
import { findShopRecord, type NewShopRecord, type ShopRecord } from './shop-repository.ts';
import { parseShopSettings, type ShopSettings } from './settings.ts';

/** What the shop use cases need: the database (or a transaction) and the secrets key. */
export interface ShopDeps {
  readonly db: Kysely<Database>;
  readonly secretKey: Buffer;
}

/** Settings to a row: identity in columns, secrets sealed, the rest as JSON. */
export function encodeShop(settings: ShopSettings, key: Buffer): NewShopRecord {
  const { publicSettings, secrets } = splitSecrets(settings);
  const { code, name, shopifyDomain, ...stored } = publicSettings;
  return { code, name, shopifyDomain, settings: stored, secrets: sealSecrets(secrets, key, code) };
}

/**
 * A row back to settings, validated again: defaults of settings added since the shop was saved
 * are filled in, and a row that no longer validates is reported, not used.
 */
export function decodeShop(record: ShopRecord, key: Buffer): ShopSettings {
  try {
    return parseShopSettings(decodeShopInput(record, key), `shop ${record.code}`);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const message = `Shop "${record.code}" has stored settings that are no longer valid (fix them with shop set): ${error.message}`;
    throw new ValidationError(message, error.issues);
  }
}

/** A row back to settings input, not yet validated: `shop set` repairs a shop from it. */
export function decodeShopInput(record: ShopRecord, key: Buffer): Record<string, unknown> {
  const secrets = unsealSecrets(record.secrets, key, record.code);
  const identity = { code: record.code, name: record.name, shopifyDomain: record.shopifyDomain };
  return joinSecrets({ ...record.settings, ...identity }, secrets);
}

export async function loadShopRecord(db: Kysely<Database>, code: string): Promise<ShopRecord> {
  const record = await findShopRecord(db, code);
  if (!record) throw new NotFoundError(`Shop "${code}" does not exist`);
  return record;
}
