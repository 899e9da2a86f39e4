import { sql, type Kysely } from 'kysely';

/**
 * Who may do what (issue 8 item 1): users with one role each, their API keys (only a SHA-256 of
 * the key is kept; the key itself is shown once, when it is made) and the audit log of every
 * outbound action: who, when, what, and Shopify's answer, refusals included.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id bigint generated always as identity primary key,
      name text not null unique check (name ~ '^[A-Za-z0-9._@-]{1,64}$'),
      role text not null check (role in ('admin', 'agent', 'read_only')),
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    )`.execute(db);
  await sql`
    create table api_keys (
      id bigint generated always as identity primary key,
      user_id bigint not null references users (id) on delete cascade,
      prefix text not null unique,
      key_hash text not null unique,
      label text,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      user_id bigint references users (id) on delete set null,
      user_name text not null,
      role text not null,
      via text not null check (via in ('api', 'cli')),
      action text not null,
      shop_code text,
      target text,
      request jsonb not null,
      outcome text not null check (outcome in ('succeeded', 'refused', 'failed')),
      shopify_answer jsonb,
      idempotency_key text
    )`.execute(db);
  await sql`create index audit_log_shop_at_idx on audit_log (shop_code, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists audit_log`.execute(db);
  await sql`drop table if exists api_keys`.execute(db);
  await sql`drop table if exists users`.execute(db);
}
