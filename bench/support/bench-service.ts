import { randomBytes } from 'node:crypto';
import { devNull } from 'node:os';
import pino from 'pino';
import { readRuntimeConfig } from '../../src/config/env.ts';
import type { Backend } from '../../src/db/index.ts';
import { setUpDemoShop } from '../../src/demo/index.ts';
import { createNotifier } from '../../src/notify/index.ts';
import type { AppContext } from '../../src/runtime/context.ts';
import { startService, type RunningService } from '../../src/runtime/service.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { listShops, setShopSetting } from '../../src/shops/index.ts';
import { openBenchStore } from './bench-store.ts';
import type { EmulatorChild } from './emulator-child.ts';

/** The emulator signs webhooks with its default app secret (emulator/README.md "Start it"). */
export const emulatorAppSecret = 'emulator_app_secret';

export interface BenchService {
  context: AppContext;
  service: RunningService;
  shopCode: string;
  shopDomain: string;
  stop(): Promise<void>;
}

/**
 * A fresh store with the demo shop connected to the emulator (its webhook secret the emulator's),
 * and the service on loopback as `serve` or `serve --with-worker` starts it. Logs go to the
 * null device at `logLevel`: the service pays for serialising and writing them as it would in
 * production, and the benchmark's table stays readable.
 */
export async function startBenchService(input: {
  backend: Backend;
  emulator: EmulatorChild;
  worker: boolean;
  logLevel: string;
  /** Runs before the service starts (a first sync, so webhooks find a synced shop). */
  prepare?: (context: AppContext, shopCode: string) => Promise<void>;
}): Promise<BenchService> {
  const store = await openBenchStore(input.backend);
  const secretKey = randomBytes(32);
  // BENCH_LOG=<file> keeps the service's log for a look afterwards (Default: discarded).
  const dest = process.env.BENCH_LOG ?? devNull;
  const logger = createLogger(input.logLevel, pino.destination({ dest, sync: true }));
  const context: AppContext = {
    config: readRuntimeConfig({}),
    store,
    secretKey,
    logger,
    notifier: createNotifier({ logger }),
    close: () => store.close(),
  };
  const shopCode = 'BENCH';
  try {
    const deps = { db: store.db, secretKey };
    await setUpDemoShop(deps, {
      code: shopCode,
      endpoint: input.emulator.url,
      accessToken: input.emulator.token,
    });
    await setShopSetting(deps, shopCode, [`webhookSecret=${emulatorAppSecret}`]);
    const shopDomain = (await listShops(deps)).find((shop) => shop.code === shopCode)!.shopifyDomain;
    await input.prepare?.(context, shopCode);
    const service = await startService(context, {
      api: true,
      worker: input.worker,
      port: 0,
      host: '127.0.0.1',
    });
    return {
      context,
      service,
      shopCode,
      shopDomain,
      async stop() {
        await service.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
