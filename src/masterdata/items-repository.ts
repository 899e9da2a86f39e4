import { sql } from 'kysely';
import type { ItemRow } from '../db/index.ts';
import { money } from '../money/index.ts';
import { chunks, type MasterDataRepository, type Queryable } from './repository.ts';
import type { Item } from './types.ts';

function fromRow(row: ItemRow): Item {
  return {
    no: row.no,
    sku: row.sku,
    description: row.description,
    type: row.type,
    unitPrice: money(row.unit_price_minor, row.currency),
  };
}

function toRow(item: Item) {
  return {
    no: item.no,
    sku: item.sku,
    description: item.description,
    type: item.type,
    unit_price_minor: item.unitPrice.minor,
    currency: item.unitPrice.currency,
  };
}

export const itemsRepository: MasterDataRepository<Item> = {
  async findByKeys(db, keys) {
    if (keys.length === 0) return new Map();
    const rows = await db.selectFrom('items').selectAll().where('no', 'in', keys).execute();
    return new Map(rows.map((row) => [row.no, fromRow(row)]));
  },

  async upsert(db, items, existing) {
    await releaseChangingSkus(db, items, existing);
    for (const chunk of chunks(items)) {
      await db
        .insertInto('items')
        .values(chunk.map(toRow))
        .onConflict((conflict) =>
          conflict.column('no').doUpdateSet((eb) => ({
            sku: eb.ref('excluded.sku'),
            description: eb.ref('excluded.description'),
            type: eb.ref('excluded.type'),
            unit_price_minor: eb.ref('excluded.unit_price_minor'),
            currency: eb.ref('excluded.currency'),
            updated_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
  },

  async list(db) {
    const rows = await db.selectFrom('items').selectAll().orderBy('no').execute();
    return rows.map(fromRow);
  },
};

/**
 * The SKU unique constraint is checked per statement: two items trading SKUs in one file would
 * collide mid-upsert. Clearing the SKUs that are about to change first makes the order harmless.
 */
async function releaseChangingSkus(
  db: Queryable,
  items: readonly Item[],
  existing: ReadonlyMap<string, Item>,
) {
  const changing = items.filter((item) => {
    const before = existing.get(item.no);
    return before?.sku != null && before.sku !== item.sku;
  });
  if (changing.length === 0) return;
  const nos = changing.map((item) => item.no);
  await db.updateTable('items').set({ sku: null }).where('no', 'in', nos).execute();
}

/** Items outside `exceptNos` that already hold one of `skus`: an import may not take their SKU. */
export async function findSkuHolders(
  db: Queryable,
  skus: readonly string[],
  exceptNos: readonly string[],
): Promise<Array<{ no: string; sku: string }>> {
  if (skus.length === 0) return [];
  let query = db.selectFrom('items').select(['no', 'sku']).where('sku', 'in', skus);
  if (exceptNos.length > 0) query = query.where('no', 'not in', exceptNos);
  const rows = await query.execute();
  return rows.flatMap((row) => (row.sku === null ? [] : [{ no: row.no, sku: row.sku }]));
}

/** The item a Shopify line's SKU points at. */
export async function findItemBySku(db: Queryable, sku: string): Promise<Item | undefined> {
  const row = await db.selectFrom('items').selectAll().where('sku', '=', sku).executeTakeFirst();
  return row && fromRow(row);
}

/** The items these SKUs point at, by SKU (one query); SKUs without an item are absent. */
export async function findItemsBySkus(db: Queryable, skus: readonly string[]): Promise<Map<string, Item>> {
  if (skus.length === 0) return new Map();
  const rows = await db.selectFrom('items').selectAll().where('sku', 'in', skus).execute();
  return new Map(rows.flatMap((row) => (row.sku === null ? [] : [[row.sku, fromRow(row)] as const])));
}

export async function findItemByNo(db: Queryable, no: string): Promise<Item | undefined> {
  const row = await db.selectFrom('items').selectAll().where('no', '=', no).executeTakeFirst();
  return row && fromRow(row);
}
