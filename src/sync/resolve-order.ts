import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { findOrderIdsByName } from './mirror-repository.ts';

/**
 * An order as people give it (docs/order-import.md): the numeric id ("450789469"), its GID
 * ("gid://shopify/Order/450789469") or its name ("#1001", "1001" is read as an id). Names are
 * looked up within the shop only: they are not unique across shops (seed 004 3.3).
 */
export function parseOrderRef(text: string): { id: string } | { name: string } {
  const trimmed = text.trim();
  if (/^[0-9]+$/.test(trimmed)) return { id: trimmed };
  const gid = /^gid:\/\/shopify\/Order\/([0-9]+)$/.exec(trimmed);
  if (gid?.[1]) return { id: gid[1] };
  if (/^#\S+$/.test(trimmed)) return { name: trimmed };
  throw new ValidationError(`--order: "${text}" is not an order id, gid://shopify/Order/<id> or #name`, [
    { path: 'order', message: `"${text}" is not an order id, gid://shopify/Order/<id> or #name` },
  ]);
}

/** The Shopify id of an order reference, resolved in the mirror and the staging table. */
export async function resolveOrderId(db: Kysely<Database>, shopCode: string, text: string): Promise<string> {
  const ref = parseOrderRef(text);
  if ('id' in ref) return ref.id;
  const ids = await findOrderIdsByName(db, shopCode, ref.name);
  if (ids.length === 0) throw new NotFoundError(`Order ${ref.name} is not known in shop "${shopCode}"`);
  if (ids.length > 1) {
    throw new ConflictError(
      `Order name ${ref.name} matches orders ${ids.join(', ')} in shop "${shopCode}": give the id`,
    );
  }
  return ids[0]!;
}
