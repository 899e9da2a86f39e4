import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Put at the very start of a statement's text, this comment asks for the statement to be prepared
 * once per connection on a PostgreSQL server and then only bound and executed. For the hot,
 * fixed-text statements of a path that runs hundreds of times a second (the webhook receiver's
 * stale check, receipts and pg-boss's job insert), whose parsing and planning cost more than
 * running them: prepared, the database's CPU at 500 webhooks/s fell by a third (6.4-6.7 s to
 * 3.5-5.1 s in 15 s, bench:webhooks on PostgreSQL).
 *
 * Only for statements whose text does not vary with their input (arrays, not lists of
 * placeholders) and that name their result columns (no `select *`: a prepared statement whose
 * result type a migration changes fails until the connection is gone). Elsewhere it is only a
 * comment (PGlite, or a statement run by hand).
 */
export const prepareOnce = '/* storebridge:prepared */';

/**
 * The server pool as Kysely's dialect sees it: a statement that starts with `prepareOnce` is sent
 * as a named statement (node-postgres parses a name once per connection and binds it after),
 * every other one unnamed as before. The name is the text's digest, so one text is one name.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      // One wrapper per connection: Kysely keeps its connection state by client object.
      let preparing = wrapped.get(client);
      if (!preparing) wrapped.set(client, (preparing = preparingClient(client)));
      return preparing;
    },
    end: () => pool.end(),
    // Kysely cancels a query from a client of the pool's class and options.
    Client: (pool as unknown as { Client: PostgresPool['Client'] }).Client,
    options: pool.options,
  };
}

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  return {
    query: ((text: string, values: readonly unknown[]) =>
      text.startsWith(prepareOnce)
        ? client.query({ name: statementName(text), text, values: [...values] })
        : client.query(text, [...values])) as unknown as PostgresPoolClient['query'],
    release: (discard?: boolean) => client.release(discard),
    // Kysely reads the backend's process id to cancel a query (node-postgres's undocumented field).
    get processID() {
      return (client as unknown as { processID?: number }).processID;
    },
  } as PostgresPoolClient;
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `sb_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
