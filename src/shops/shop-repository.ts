import { sql, type Kysely } from 'kysely';
import type { Database, ShopRow } from '../db/index.ts';
import { ConflictError } from '../shared/errors.ts';

/** A `shops` row in camelCase; the only place that knows the column names. */
export interface ShopRecord {
  code: string;
  name: string;
  shopifyDomain: string;
  /** Stored settings without code, name, domain and secrets. */
  settings: Record<string, unknown>;
  /** Sealed secrets envelope (shop-secrets.ts). */
  secrets: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewShopRecord = Omit<ShopRecord, 'createdAt' | 'updatedAt'>;

export async function findShopRecord(db: Kysely<Database>, code: string): Promise<ShopRecord | undefined> {
  const row = await db.selectFrom('shops').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toRecord(row);
}

/** The code of the shop that already connects this domain, if any. */
export async function findShopCodeByDomain(
  db: Kysely<Database>,
  shopifyDomain: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('shops')
    .select('code')
    .where('shopify_domain', '=', shopifyDomain)
    .executeTakeFirst();
  return row?.code;
}

export async function listShopRecords(db: Kysely<Database>): Promise<ShopRecord[]> {
  const rows = await db.selectFrom('shops').selectAll().orderBy('code').execute();
  return rows.map(toRecord);
}

export async function insertShopRecord(db: Kysely<Database>, record: NewShopRecord): Promise<void> {
  try {
    await db
      .insertInto('shops')
      .values({
        code: record.code,
        name: record.name,
        shopify_domain: record.shopifyDomain,
        settings: JSON.stringify(record.settings),
        secrets: record.secrets,
      })
      .execute();
  } catch (error) {
    // A concurrent add of the same code or domain passed the checks in its own transaction.
    if (isUniqueViolation(error))
      throw new ConflictError(`Shop "${record.code}" or ${record.shopifyDomain} already exists`);
    throw error;
  }
}

/** Code and domain never change; name, settings and secrets do. */
export async function updateShopRecord(db: Kysely<Database>, record: NewShopRecord): Promise<void> {
  await db
    .updateTable('shops')
    .set({
      name: record.name,
      settings: JSON.stringify(record.settings),
      secrets: record.secrets,
      updated_at: sql<Date>`now()`,
    })
    .where('code', '=', record.code)
    .execute();
}

function toRecord(row: ShopRow): ShopRecord {
  return {
    code: row.code,
    name: row.name,
    shopifyDomain: row.shopify_domain,
    settings: row.settings,
    secrets: row.secrets,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
