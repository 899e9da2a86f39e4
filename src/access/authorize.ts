import { ForbiddenError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { permissions, type Action } from './roles.ts';

/** True when the actor's role may do the action. */
export function mayDo(actor: Pick<Actor, 'role'>, action: Action): boolean {
  return (permissions[action].roles as readonly string[]).includes(actor.role);
}

/**
 * Throws a ForbiddenError (HTTP 403) naming the user, the role and who may, before anything is
 * sent to Shopify or written.
 */
export function authorize(actor: Actor, action: Action): void {
  if (mayDo(actor, action)) return;
  const needed = permissions[action].roles.join(' or ');
  throw new ForbiddenError(
    `${actor.userName} (role ${actor.role}) may not ${permissions[action].says}: that needs the role ${needed}`,
  );
}
