import { sql, type Kysely } from 'kysely';

/**
 * Sign-in for the web UI (issue 9): a password per user (scrypt, salted, nullable: a user without
 * one signs in only with an API key) and browser sessions. Like an API key, only a SHA-256 of the
 * session token is kept, so a copy of the database opens no session. The audit log learns a third
 * source, `ui`, for what a signed-in person does in the browser. The UI's webhook page counts
 * repeated deliveries, which webhook_receipts never stores (0009): `webhook_repeats` keeps how many
 * per shop and topic.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column password_hash text`.execute(db);
  await sql`
    create table sessions (
      id bigint generated always as identity primary key,
      token_hash text not null unique,
      user_id bigint not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);
  await sql`
    create table webhook_repeats (
      shop_code text not null references shops (code) on delete cascade,
      topic text not null,
      repeats bigint not null default 0,
      last_at timestamptz not null default now(),
      primary key (shop_code, topic)
    )`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_via_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_via_check check (via in ('api', 'cli', 'ui'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log drop constraint audit_log_via_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_via_check check (via in ('api', 'cli'))`.execute(
    db,
  );
  await sql`drop table if exists webhook_repeats`.execute(db);
  await sql`drop table if exists sessions`.execute(db);
  await sql`alter table users drop column password_hash`.execute(db);
}
