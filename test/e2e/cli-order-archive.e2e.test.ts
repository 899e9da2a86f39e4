import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { demoSetupArgs, embeddedCli } from '../support/cli.ts';
import { addCliUsers } from '../support/cli-users.ts';
import { Merchant, type PlacedOrder } from '../support/e2e/merchant.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';

/** `storebridge orders archive` (docs/agent-actions.md "Archive paid and fulfilled orders"). */
let emulator: RunningEmulator;
let merchant: Merchant;
let shipped: PlacedOrder;
const { dataDir, cli } = embeddedCli();
let keys: { agent: string; readOnly: string };

beforeAll(async () => {
  emulator = await startShopEmulator();
  merchant = new Merchant(emulator);
  shipped = await merchant.placeOrder();
  await merchant.fulfil(shipped);
  await merchant.placeOrder({ paid: false });
  expect((await cli(...demoSetupArgs(emulator))).stderr).toBe('');
  keys = await addCliUsers(dataDir, { agent: { role: 'agent' }, readOnly: { role: 'read_only' } });
  await cli('sync', 'orders', '--shop', 'DEMO');
}, 240_000);
afterAll(() => emulator.close());

describe('storebridge orders archive', () => {
  it('lists in a dry run, archives the paid and fulfilled order once, refuses a read-only key', async () => {
    const archive = ['orders', 'archive', '--shop', 'DEMO'];

    const refused = await cli(...archive, '--api-key', keys.readOnly);
    expect(refused.code).not.toBe(0);
    const dry = await cli(...archive, '--dry-run', '--api-key', keys.agent);
    expect(dry.stdout).toBe(
      `${shipped.name}  id ${shipped.id}  would archive\n1 order(s) would archive, 0 failed\n`,
    );
    const done = await cli(...archive, '--json', '--api-key', keys.agent);
    expect(JSON.parse(done.stdout)).toMatchObject({
      dryRun: false,
      archived: [{ shopifyOrderId: shipped.id, alreadyClosed: false }],
      failed: [],
    });
    const again = await cli(...archive, '--api-key', keys.agent);
    expect(again.stdout).toBe('0 order(s) archived, 0 failed\n');
  }, 240_000);
});
