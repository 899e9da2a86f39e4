import {
  startEmulator,
  type DemoSeed,
  type PlanName,
  type RunningEmulator,
} from '../../../emulator/src/index.ts';

export interface ShopEmulatorOptions {
  /** Shopify's rate limits (Default: 'off'; scenarios about throttling use 'standard'). */
  throttle?: PlanName;
  /** Start of the shop's clock (Default: the system clock). */
  now?: string;
  /**
   * The merchant simulator's history of `orders` orders (emulator/README.md "--seed demo": the
   * hard-case corpus, backdated to end now) instead of no orders (Default: none).
   */
  corpus?: Omit<DemoSeed, 'kind'>;
}

/**
 * A Shopify shop on the emulator, on a free port: the demo catalogue (locations Warehouse, Store
 * and Outlet; SB-TEE, SB-MUG, SB-CAP, SB-BAG, SB-SOCK with stock; a gift card; five customers; a
 * B2B company) and no orders, or the simulator's corpus. Scenarios place their orders through
 * Shopify's API.
 */
export async function startShopEmulator(options: ShopEmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({
    port: 0,
    throttle: options.throttle ?? 'off',
    seed: { kind: 'demo', orders: 0, ...options.corpus },
  });
  if (options.now) emulator.clock.set(new Date(options.now));
  return emulator;
}

/** The emulator's record of the Admin API calls made so far (the app's cost to Shopify). */
export async function recordedCalls(emulator: RunningEmulator) {
  return emulator.log.list();
}
