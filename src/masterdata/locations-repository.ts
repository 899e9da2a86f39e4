import { sql } from 'kysely';
import type { LocationRow } from '../db/index.ts';
import { chunks, type MasterDataRepository, type Queryable } from './repository.ts';
import type { Location } from './types.ts';

function fromRow(row: LocationRow): Location {
  return { code: row.code, name: row.name };
}

export const locationsRepository: MasterDataRepository<Location> = {
  async findByKeys(db, codes) {
    if (codes.length === 0) return new Map();
    const rows = await db.selectFrom('locations').selectAll().where('code', 'in', codes).execute();
    return new Map(rows.map((row) => [row.code, fromRow(row)]));
  },

  async upsert(db, locations) {
    for (const chunk of chunks(locations)) {
      await db
        .insertInto('locations')
        .values(chunk.map((location) => ({ code: location.code, name: location.name })))
        .onConflict((conflict) =>
          conflict
            .column('code')
            .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), updated_at: sql<Date>`now()` })),
        )
        .execute();
    }
  },

  async list(db) {
    const rows = await db.selectFrom('locations').selectAll().orderBy('code').execute();
    return rows.map(fromRow);
  },
};

export async function findLocationByCode(db: Queryable, code: string): Promise<Location | undefined> {
  const row = await db.selectFrom('locations').selectAll().where('code', '=', code).executeTakeFirst();
  return row && fromRow(row);
}
