import { ValidationError } from '../shared/errors.ts';

export type OrderRef = { id: string } | { name: string };

/**
 * What an operator typed to name an order: a numeric id ("450789469"), an order GID
 * ("gid://shopify/Order/450789469") or an order name ("#1001"). Names are not unique across
 * shops (DESIGN.md), so a name is resolved within one shop by the caller.
 */
export function resolveOrderRef(text: string): OrderRef {
  const value = text.trim();
  if (/^\d+$/.test(value)) return { id: value };
  const gid = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(value);
  if (gid) return { id: gid[1]! };
  if (/^#\S+$/.test(value)) return { name: value };
  const message = `"${text}" is not an order id, order GID or order name (#1001)`;
  throw new ValidationError(`order: ${message}`, [{ path: 'order', message }]);
}
