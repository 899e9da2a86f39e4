import { join } from 'node:path';
import { ensureDemoAdmin, type DemoAdminKey } from '../access/index.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index.ts';
import { listShops, setShopSetting, syncWebhookSubscriptions } from '../shops/index.ts';
import type { AppContext } from './context.ts';
import { demoShopCode, setUpDemoShop } from '../demo/index.ts';

export interface DemoEnvironment {
  emulator: RunningEmulator;
  shopCode: string;
  /** The demo-admin's API key file, so the demo is usable through the API (docs/access.md). */
  adminKey: DemoAdminKey;
}

/**
 * `npm start` on a fresh machine: demo master data (setUpDemoShop), a built-in Shopify emulator with a demo shop
 * (kept in <dataDir>/emulator) and the DEMO shop connected to it. As soon as a real shop is
 * configured, no emulator starts: the service only talks to real Shopify then.
 */
export async function startDemo(context: AppContext, preferredPort: number): Promise<DemoEnvironment | null> {
  const deps = { db: context.store.db, secretKey: context.secretKey };
  const shops = await listShops(deps);
  if (shops.some((shop) => shop.code !== demoShopCode)) return null;
  const emulator = await startDemoEmulator(
    join(context.config.STOREBRIDGE_DATA_DIR, 'emulator'),
    preferredPort,
  );
  try {
    await setUpDemoShop(deps, { code: demoShopCode, endpoint: emulator.url, accessToken: emulator.token });
    // The emulator signs its webhooks with its app secret, as Shopify signs with the app's.
    await setShopSetting(deps, demoShopCode, [`webhookSecret=${emulator.appSecret}`]);
    const adminKey = await ensureDemoAdmin(
      context.store.db,
      join(context.config.STOREBRIDGE_DATA_DIR, 'demo-admin.key'),
      join(context.config.STOREBRIDGE_DATA_DIR, 'demo-admin.password'),
    );
    return { emulator, shopCode: demoShopCode, adminKey };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/** Demo merchant activity (orders, fulfilments, refunds, returns, edits) per second. */
export const demoActivityRate = 0.5;

/**
 * Once the service listens: the demo shop's webhooks point at it, and the emulator's merchant
 * starts working, so documents appear within seconds of `npm start`.
 */
export async function goLive(
  context: AppContext,
  demo: DemoEnvironment,
  serviceAddress: string,
): Promise<void> {
  const deps = { db: context.store.db, secretKey: context.secretKey, logger: context.logger };
  await syncWebhookSubscriptions(deps, demo.shopCode, { publicUrl: serviceAddress });
  demo.emulator.live.start({ rate: demoActivityRate });
}

async function startDemoEmulator(stateDir: string, port: number): Promise<RunningEmulator> {
  const options = { host: '127.0.0.1', stateDir, seed: { kind: 'demo' as const, orders: 10 } };
  try {
    return await startEmulator({ ...options, port });
  } catch (error) {
    // Someone else has the port (a second checkout, a standalone emulator): any free one will do.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startEmulator({ ...options, port: 0 });
  }
}
