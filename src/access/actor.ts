import type { Role } from './roles.ts';

/** Who is acting: a user, by the API key that came with the request or the CLI command. */
export interface Actor {
  readonly userId: number;
  readonly userName: string;
  readonly role: Role;
  /** `ui`: a person signed in to the web UI (session cookie). */
  readonly via: 'api' | 'cli' | 'ui';
}
