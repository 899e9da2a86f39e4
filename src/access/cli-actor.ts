import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { UnauthenticatedError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { actorForApiKey } from './api-keys.ts';

/**
 * The user behind a CLI command that acts on Shopify: the `--api-key` option, else the
 * STOREBRIDGE_API_KEY environment variable. The CLI checks the role and audits like the API.
 */
export async function cliActor(db: Kysely<Database>, apiKey: string | undefined): Promise<Actor> {
  const key = apiKey ?? process.env.STOREBRIDGE_API_KEY;
  if (!key)
    throw new UnauthenticatedError(
      '--api-key: this command acts on Shopify and needs the API key of a user allowed to (or set STOREBRIDGE_API_KEY)',
    );
  return actorForApiKey(db, key, 'cli');
}
