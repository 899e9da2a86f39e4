import { ValidationError } from '../../shared/errors.ts';

/**
 * How people name an order on the command line and in the API: Shopify's numeric id
 * ("450789469"), its GID ("gid://shopify/Order/450789469") or its name ("#1001").
 */
export type OrderRef = { id: string } | { name: string };

export function parseOrderRef(text: string, field = 'order'): OrderRef {
  const value = text.trim();
  const gid = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(value);
  if (gid?.[1]) return { id: gid[1] };
  if (/^\d+$/.test(value)) return { id: value };
  if (/^#\S+$/.test(value)) return { name: value };
  throw new ValidationError(`${field}: "${text}" is not an order id, GID or name (#1001)`, [
    { path: field, message: `"${text}" is not an order id, GID or name (#1001)` },
  ]);
}
