import type { Actor } from './actor.ts';
import { mayDo } from './authorize.ts';
import { permissions, type Action } from './roles.ts';

export interface WhoAmI {
  name: string;
  role: Actor['role'];
  /** Every action the role may do, so a UI can hide what it may not. */
  may: Action[];
}

export function whoAmI(actor: Actor): WhoAmI {
  const actions = Object.keys(permissions) as Action[];
  return { name: actor.userName, role: actor.role, may: actions.filter((action) => mayDo(actor, action)) };
}
