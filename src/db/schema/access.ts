import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.ts';

/** Access (migration 0013): users, their hashed API keys, and the audit log of outbound actions. */
export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: 'admin' | 'agent' | 'read_only';
  created_at: CreatedAt;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** scrypt of the password (migration 0018), self-describing (password-hash.ts); null: no password. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A signed-in browser (migration 0018): only a SHA-256 of the cookie's token is kept. */
export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApiKeysTable {
  id: Generated<number>;
  user_id: number;
  /** The key's first characters, shown in listings so a person can tell keys apart. */
  prefix: string;
  /** SHA-256 of the whole key, hex. */
  key_hash: string;
  label: string | null;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  user_id: number | null;
  user_name: string;
  role: string;
  via: 'api' | 'cli' | 'ui';
  action: string;
  shop_code: string | null;
  target: string | null;
  request: Json<unknown>;
  outcome: 'succeeded' | 'refused' | 'failed';
  shopify_answer: ColumnType<unknown, string | null | undefined, string | null>;
  idempotency_key: string | null;
}
