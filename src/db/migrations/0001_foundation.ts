import { sql, type Kysely } from 'kysely';

/**
 * Shops and the master data the back office needs. Written to the PostgreSQL 15 subset:
 * the server is 15, the embedded PGlite is newer, and one set of migrations runs on both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table shops (
      code text primary key check (code ~ '^[A-Za-z0-9_-]{1,20}$'),
      name text not null,
      shopify_domain text not null unique,
      settings jsonb not null,
      secrets text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table items (
      no text primary key,
      sku text unique,
      description text not null,
      type text not null check (type in ('inventory', 'service')),
      unit_price_minor bigint not null check (unit_price_minor >= 0),
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table locations (
      code text primary key,
      name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table customers (
      no text primary key,
      name text not null,
      email text,
      phone text,
      addresses jsonb not null default '[]',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index customers_email_idx on customers (lower(email))`.execute(db);
  await sql`create index customers_phone_idx on customers (phone)`.execute(db);

  await sql`
    create table gl_accounts (
      no text primary key,
      name text not null,
      account_type text not null check (account_type in ('asset', 'liability', 'equity', 'revenue', 'expense')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['gl_accounts', 'customers', 'locations', 'items', 'shops']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
