import { randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../../../emulator/src/index.ts';
import { migrateToLatest, openStore, type Store } from '../../../src/db/index.ts';
import { setUpDemoShop } from '../../../src/demo/index.ts';
import { setShopSetting } from '../../../src/shops/index.ts';
import { adminQuery } from '../test-store.ts';
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
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Waits for the database's last connections to go (a pool's clients may still be closing when
 * the pool says it ended) before forcing: `with (force)` terminates them, and a client that is
 * already ending has no listener left for the error, which then surfaces as an unhandled error.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      await adminQuery(adminUrl, `drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
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
