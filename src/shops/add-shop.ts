import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConflictError } from '../shared/errors.ts';
import { encodeShop, type ShopDeps } from './shop-codec.ts';
import { assertReferencesExist } from './shop-references.ts';
import { findShopCodeByDomain, findShopRecord, insertShopRecord } from './shop-repository.ts';
import { shopView, type ShopView } from './shop-view.ts';
import { parseShopSettings } from './settings.ts';

/**
 * Adds a shop from settings (a shop file's content, or quickShopInput()). Everything is checked
 * before anything is written, in one transaction: a bad field, a reference to a missing G/L
 * account, location or customer, or a taken code or domain stores nothing.
 */
export async function addShop(deps: ShopDeps, input: unknown): Promise<ShopView> {
  const settings = parseShopSettings(input, 'shop');
  return deps.db.transaction().execute(async (trx) => {
    await assertShopIsNew(trx, settings.code, settings.shopifyDomain);
    await assertReferencesExist(trx, settings);
    await insertShopRecord(trx, encodeShop(settings, deps.secretKey));
    return shopView(settings);
  });
}

/** The settings for `shop add --code --domain --token [--endpoint]`: everything else at its default. */
export function quickShopInput(flags: {
  code: string;
  domain: string;
  token: string;
  endpoint?: string | undefined;
}) {
  return {
    code: flags.code,
    shopifyDomain: flags.domain,
    credentials: { accessToken: flags.token },
    ...(flags.endpoint !== undefined && { endpoint: flags.endpoint }),
  };
}

async function assertShopIsNew(db: Kysely<Database>, code: string, shopifyDomain: string): Promise<void> {
  if (await findShopRecord(db, code)) throw new ConflictError(`code: shop "${code}" already exists`);
  const other = await findShopCodeByDomain(db, shopifyDomain);
  // One shop per Shopify store: two would import every order twice.
  if (other !== undefined)
    throw new ConflictError(`shopifyDomain: ${shopifyDomain} is already connected as shop "${other}"`);
}
