import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { isRole, roles, type Role } from './roles.ts';

/** A user as listings and the API show them. */
export interface UserView {
  name: string;
  role: Role;
  createdAt: string;
  /** When the user was disabled (their keys stop working), or null. */
  disabledAt: string | null;
  /** Keys not revoked. */
  activeKeys: number;
}

/** The same rule as the users table's check (migration 0013): what fits in a log line and a URL. */
const namePattern = /^[A-Za-z0-9._@-]{1,64}$/;

export function checkUserName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string' || name.trim() === '')
    throw new ValidationError(`${field}: a user name is required`, [{ path: field, message: 'is required' }]);
  if (!namePattern.test(name))
    throw new ValidationError(
      `${field}: "${name}" is not a valid user name (1 to 64 letters, digits, ".", "_", "@" or "-")`,
      [{ path: field, message: 'is not a valid user name' }],
    );
  return name;
}

export function checkRole(role: unknown, field = 'role'): Role {
  if (typeof role !== 'string' || !isRole(role))
    throw new ValidationError(`${field}: "${String(role)}" is not a role; roles are ${roles.join(', ')}`, [
      { path: field, message: `must be one of ${roles.join(', ')}` },
    ]);
  return role;
}

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  disabledAt: Date | null;
}

/** The user by name, or a NotFoundError naming the field. */
export async function findUser(db: Kysely<Database>, name: string, field = 'name'): Promise<UserRow> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'disabled_at'])
    .where('name', '=', checkUserName(name, field))
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`${field}: there is no user "${name}" (storebridge users list)`);
  return { id: Number(row.id), name: row.name, role: row.role, disabledAt: row.disabled_at };
}

export async function userView(db: Kysely<Database>, name: string): Promise<UserView> {
  const views = await userViews(db, name);
  const view = views[0];
  if (!view) throw new NotFoundError(`name: there is no user "${name}"`);
  return view;
}

export async function userViews(db: Kysely<Database>, name?: string): Promise<UserView[]> {
  let query = db
    .selectFrom('users')
    .leftJoin('api_keys', (join) =>
      join.onRef('api_keys.user_id', '=', 'users.id').on('api_keys.revoked_at', 'is', null),
    )
    .select(({ fn }) => [
      'users.name',
      'users.role',
      'users.created_at',
      'users.disabled_at',
      fn.count<string>('api_keys.id').as('active_keys'),
    ])
    .groupBy(['users.id', 'users.name', 'users.role', 'users.created_at', 'users.disabled_at'])
    .orderBy('users.name');
  if (name !== undefined) query = query.where('users.name', '=', name);
  const rows = await query.execute();
  return rows.map((row) => ({
    name: row.name,
    role: row.role,
    createdAt: iso(row.created_at),
    disabledAt: row.disabled_at ? iso(row.disabled_at) : null,
    activeKeys: Number(row.active_keys),
  }));
}

export function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
