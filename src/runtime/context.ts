import { readRuntimeConfig, type RuntimeConfig } from '../config/env.ts';
import { migrateToLatest, openStore, type Store } from '../db/index.ts';
import { createNotifier, type Notifier } from '../notify/index.ts';
import { createLogger, type Logger } from '../shared/logger.ts';
import { loadSecretKey } from '../shared/secret-key.ts';

/** What every command and the server share: configuration, the migrated store, the key, a logger. */
export interface AppContext {
  readonly config: RuntimeConfig;
  readonly store: Store;
  readonly secretKey: Buffer;
  readonly logger: Logger;
  /** Failure emails to each shop's notificationEmail (a no-op without STOREBRIDGE_SMTP_URL). */
  readonly notifier: Notifier;
  close(): Promise<void>;
}

export async function openContext(
  overrides: { config?: RuntimeConfig; logger?: Logger } = {},
): Promise<AppContext> {
  const config = overrides.config ?? readRuntimeConfig();
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const secretKey = loadSecretKey({
    envKey: config.STOREBRIDGE_SECRET_KEY,
    dataDir: config.STOREBRIDGE_DATA_DIR,
  });
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.STOREBRIDGE_DATA_DIR });
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  const notifier = createNotifier({
    smtpUrl: config.STOREBRIDGE_SMTP_URL,
    mailFrom: config.STOREBRIDGE_MAIL_FROM,
    logger,
  });
  return { config, store, secretKey, logger, notifier, close: () => store.close() };
}

/** Opens the context, runs the work, and always closes the store (an open PGlite keeps Node alive). */
export async function withContext<T>(work: (context: AppContext) => Promise<T>): Promise<T> {
  const context = await openContext({ logger: createLogger('silent') });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
