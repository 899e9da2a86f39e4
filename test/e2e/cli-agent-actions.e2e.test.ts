import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { demoSetupArgs, embeddedCli } from '../support/cli.ts';
import { addCliUsers } from '../support/cli-users.ts';
import { Merchant, type PlacedOrder } from '../support/e2e/merchant.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';

/**
 * An agent at the command line (docs/agent-actions.md): refund preview and create, a repeat that
 * sends nothing, a read-only key refused, mark as paid, a cancel Shopify would refuse. Each command
 * is its own process on a fresh embedded store, as in real use.
 */
let emulator: RunningEmulator;
let merchant: Merchant;
let shipped: PlacedOrder;
let unpaid: PlacedOrder;
const { dataDir, cli } = embeddedCli();
let keys: { agent: string; readOnly: string };

beforeAll(async () => {
  emulator = await startShopEmulator();
  merchant = new Merchant(emulator);
  shipped = await merchant.placeOrder();
  await merchant.fulfil(shipped);
  unpaid = await merchant.placeOrder({ paid: false });
  const setup = await cli(...demoSetupArgs(emulator));
  expect(setup.stderr).toBe('');
  keys = await addCliUsers(dataDir, { agent: { role: 'agent' }, readOnly: { role: 'read_only' } });
  await cli('sync', 'orders', '--shop', 'DEMO');
}, 240_000);
afterAll(() => emulator.close());

describe('storebridge refund | cancel | mark-paid', () => {
  it('previews, creates once, refuses a read-only key, marks paid, refuses a cancel Shopify would refuse', async () => {
    const refund = [
      '--shop',
      'DEMO',
      '--order',
      shipped.name,
      '--line',
      'SB-TEE:1',
      '--shipping',
      'full',
      '--reason',
      'Torn',
    ];

    const preview = await cli('refund', 'preview', ...refund, '--json', '--api-key', keys.agent);
    expect(preview.stderr).toBe('');
    expect(JSON.parse(preview.stdout)).toMatchObject({
      currency: 'USD',
      subtotal: '25.00',
      shipping: '5.00',
      total: '30.00',
    });

    const created = await cli('refund', 'create', ...refund, '--api-key', keys.agent);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^refund \d+ {2}order \d+ {2}30\.00 USD {2}key refund-[0-9a-f]{32}\n$/);
    const again = await cli('refund', 'create', ...refund, '--api-key', keys.agent);
    expect(again.stdout).toContain('already done with this key: nothing sent again');

    const readOnly = await cli('refund', 'create', ...refund, '--api-key', keys.readOnly);
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toContain('read_only (role read_only) may not refund an order in Shopify');
    const withoutKey = await cli('refund', 'create', ...refund);
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.stderr).toContain('--api-key');

    const paid = await cli('mark-paid', '--shop', 'DEMO', '--order', unpaid.id, '--api-key', keys.agent);
    expect(paid.stdout).toMatch(/^order \d+ marked as paid \(PAID\)/);

    const cancel = await cli(
      'cancel',
      '--shop',
      'DEMO',
      '--order',
      shipped.id,
      '--reason',
      'customer',
      '--api-key',
      keys.agent,
    );
    expect(cancel.code).toBe(1);
    expect(cancel.stderr).toContain('cannot be cancelled');
    expect(cancel.stderr).toContain('fulfilled item(s)');
  }, 240_000);
});
