import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ValidationError } from '../shared/errors.ts';
import { permissions } from './roles.ts';
import { iso } from './users.ts';

export interface AuditLogFilter {
  shop?: string | undefined;
  /** The user's name as it was logged. */
  user?: string | undefined;
  action?: string | undefined;
  /** ISO 8601 date or date-time: entries at or after it. */
  since?: string | undefined;
  /** Entries per page (Default: 50, at most 500). */
  limit?: number | string | undefined;
  /** The page after the one that answered `next`: entries older than that id. */
  before?: number | string | undefined;
}

export interface AuditLogEntry {
  id: number;
  at: string;
  user: string;
  role: string;
  via: 'api' | 'cli' | 'ui';
  action: string;
  shopCode: string | null;
  target: string | null;
  request: unknown;
  outcome: 'succeeded' | 'refused' | 'failed';
  shopifyAnswer: unknown;
  idempotencyKey: string | null;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: number | null;
}

const defaultLimit = 50;
const maxLimit = 500;

/** The audit log, newest first, one page at a time. */
export async function listAuditLog(db: Kysely<Database>, filter: AuditLogFilter = {}): Promise<AuditLogPage> {
  const limit = positiveInteger(filter.limit, 'limit') ?? defaultLimit;
  if (limit > maxLimit) throw invalid('limit', `at most ${maxLimit}`);
  const before = positiveInteger(filter.before, 'before');
  const since = filter.since === undefined ? undefined : parseSince(filter.since);
  if (filter.action !== undefined && !(filter.action in permissions))
    throw invalid(
      'action',
      `"${filter.action}" is not an action; actions are ${Object.keys(permissions).join(', ')}`,
    );

  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (filter.shop !== undefined) query = query.where('shop_code', '=', filter.shop);
  if (filter.user !== undefined) query = query.where('user_name', '=', filter.user);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (since !== undefined) query = query.where('at', '>=', since);
  if (before !== undefined) query = query.where('id', '<', before);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: Number(row.id),
      at: iso(row.at),
      user: row.user_name,
      role: row.role,
      via: row.via,
      action: row.action,
      shopCode: row.shop_code,
      target: row.target,
      request: row.request,
      outcome: row.outcome,
      shopifyAnswer: row.shopify_answer,
      idempotencyKey: row.idempotency_key,
    })),
    next: rows.length > limit ? Number(page.at(-1)!.id) : null,
  };
}

function positiveInteger(value: number | string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < 1)
    throw invalid(field, `"${value}" is not a positive whole number`);
  return number;
}

function parseSince(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime()))
    throw invalid('since', `"${value}" is not a date (e.g. 2026-12-01 or 2026-12-01T09:00:00Z)`);
  return date;
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(`${field}: ${message}`, [{ path: field, message }]);
}
