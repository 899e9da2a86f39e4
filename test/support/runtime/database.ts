import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { RunningEmulator } from '../../../emulator/src/index.ts';
import { migrateToLatest, openStore, type Store } from '../../../src/db/index.ts';
import { setUpDemoShop } from '../../../src/demo/index.ts';
import { setShopSetting } from '../../../src/shops/index.ts';
import type { ProcessEnv } from './processes.ts';

/** A database of its own on the PostgreSQL server, migrated, with the test process's store on it. */
export interface ServerDatabase extends ProcessEnv {
  readonly name: string;
  readonly store: Store;
  readonly secretKeyBytes: Buffer;
  /** Closes the store and drops the database (whoever is still connected is disconnected). */
  drop(): Promise<void>;
}

/** `create database sb_<purpose>_<random>` on the server at `adminUrl`, migrated to the latest schema. */
export async function createServerDatabase(adminUrl: string, purpose: string): Promise<ServerDatabase> {
  const name = `sb_${purpose}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const store = await openStore({ databaseUrl, poolSize: 4 });
  await migrateToLatest(store.db);
  const secretKeyBytes = randomBytes(32);
  return {
    name,
    databaseUrl,
    store,
    secretKeyBytes,
    secretKey: secretKeyBytes.toString('base64'),
    drop: async () => {
      await store.close().catch(() => undefined);
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const shopCode = 'WEB';

/**
 * The demo shop connected to the emulator as `storebridge demo setup` does it, booking refunds as
 * they come (seed 002 "auto create credit memo") and paying them back (seed 000), with auto sync
 * on and the emulator's app secret as the webhook secret (as Shopify signs with the app's).
 */
export async function connectShop(database: ServerDatabase, emulator: RunningEmulator): Promise<void> {
  const deps = { db: database.store.db, secretKey: database.secretKeyBytes };
  await setUpDemoShop(deps, { code: shopCode, endpoint: emulator.url, accessToken: emulator.token });
  await setShopSetting(deps, shopCode, [
    'returnsAndRefundsMode=auto_create_credit_memo',
    'createCustomerRefunds=true',
    'autoSyncOrders=true',
    `webhookSecret=${emulator.appSecret}`,
  ]);
}
