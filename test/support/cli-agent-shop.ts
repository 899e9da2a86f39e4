import { afterAll, beforeAll, expect } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { demoSetupArgs, embeddedCli } from './cli.ts';
import { addCliUsers } from './cli-users.ts';
import { Merchant, type PlacedOrder } from './e2e/merchant.ts';
import { startShopEmulator } from './e2e/shop-emulator.ts';

export interface CliAgentShop {
  readonly cli: ReturnType<typeof embeddedCli>['cli'];
  /** Set once the suite's beforeAll has run. */
  readonly emulator: RunningEmulator;
  /** A paid order, fulfilled. */
  readonly shipped: PlacedOrder;
  /** An order not paid yet. */
  readonly unpaid: PlacedOrder;
  readonly keys: { agent: string; readOnly: string };
}

/**
 * The shop an agent works in from the command line: the demo shop set up against an emulator with
 * a shipped and an unpaid order, synced, and an agent's and a read-only user's API keys. Each
 * command is its own process on a fresh embedded store, as in real use. Registers the suite's
 * beforeAll/afterAll; read the fields inside tests.
 */
export function cliAgentShop(): CliAgentShop {
  const { dataDir, cli } = embeddedCli();
  const shop = { cli } as { -readonly [K in keyof CliAgentShop]: CliAgentShop[K] };
  beforeAll(async () => {
    shop.emulator = await startShopEmulator();
    const merchant = new Merchant(shop.emulator);
    shop.shipped = await merchant.placeOrder();
    await merchant.fulfil(shop.shipped);
    shop.unpaid = await merchant.placeOrder({ paid: false });
    expect((await cli(...demoSetupArgs(shop.emulator))).stderr).toBe('');
    shop.keys = await addCliUsers(dataDir, { agent: { role: 'agent' }, readOnly: { role: 'read_only' } });
    await cli('sync', 'orders', '--shop', 'DEMO');
  }, 240_000);
  afterAll(() => shop.emulator?.close());
  return shop;
}
