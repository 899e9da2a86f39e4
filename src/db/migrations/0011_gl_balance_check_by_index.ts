import { sql, type Kysely } from 'kysely';

/**
 * The balance check of 0005, same rule, found through the (document_no, line_no) index whatever
 * the table's size. PL/pgSQL plans the trigger's query once per connection and keeps the plan:
 * planned while gl_entries was small (a fresh database, a new worker), `document_no in (select
 * ... from inserted) ... limit 1` became a nested loop over a sequential scan of gl_entries, so
 * every posting read the whole ledger (5-10 ms a statement at 100,000 entries, growing). An
 * `= any(array(...))` condition is an index scan at every size.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await balanceCheck(db, sql`e.document_no = any (array(select distinct document_no from inserted))`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await balanceCheck(db, sql`e.document_no in (select distinct document_no from inserted)`);
}

async function balanceCheck(db: Kysely<unknown>, documentsInserted: ReturnType<typeof sql>): Promise<void> {
  await sql`
    create or replace function gl_entries_balanced() returns trigger language plpgsql as $$
    declare
      unbalanced text;
    begin
      select e.document_no into unbalanced
        from gl_entries as e
        where ${documentsInserted}
        group by e.document_no
        having sum(e.debit_minor) <> sum(e.credit_minor)
        limit 1;
      if unbalanced is not null then
        raise exception 'gl_entries of document % do not balance', unbalanced;
      end if;
      return null;
    end $$`.execute(db);
}
