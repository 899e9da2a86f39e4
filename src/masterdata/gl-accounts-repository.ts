import { sql } from 'kysely';
import type { GlAccountRow } from '../db/index.ts';
import { chunks, type MasterDataRepository, type Queryable } from './repository.ts';
import type { GlAccount } from './types.ts';

function fromRow(row: GlAccountRow): GlAccount {
  return { no: row.no, name: row.name, accountType: row.account_type };
}

export const glAccountsRepository: MasterDataRepository<GlAccount> = {
  async findByKeys(db, nos) {
    if (nos.length === 0) return new Map();
    const rows = await db.selectFrom('gl_accounts').selectAll().where('no', 'in', nos).execute();
    return new Map(rows.map((row) => [row.no, fromRow(row)]));
  },

  async upsert(db, accounts) {
    for (const chunk of chunks(accounts)) {
      await db
        .insertInto('gl_accounts')
        .values(
          chunk.map((account) => ({ no: account.no, name: account.name, account_type: account.accountType })),
        )
        .onConflict((conflict) =>
          conflict.column('no').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            account_type: eb.ref('excluded.account_type'),
            updated_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
  },

  async list(db) {
    const rows = await db.selectFrom('gl_accounts').selectAll().orderBy('no').execute();
    return rows.map(fromRow);
  },
};

export async function findGlAccountByNo(db: Queryable, no: string): Promise<GlAccount | undefined> {
  const row = await db.selectFrom('gl_accounts').selectAll().where('no', '=', no).executeTakeFirst();
  return row && fromRow(row);
}
