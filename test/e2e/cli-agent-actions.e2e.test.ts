import { describe, expect, it } from 'vitest';
import { cliAgentShop } from '../support/cli-agent-shop.ts';

/**
 * An agent at the command line (docs/agent-actions.md): refund preview and create, a repeat that
 * sends nothing, a read-only key refused, mark as paid, a cancel Shopify would refuse. Each command
 * is its own process on a fresh embedded store, as in real use.
 */
const shop = cliAgentShop();

describe('storebridge refund | cancel | mark-paid', () => {
  it('previews, creates once, refuses a read-only key, marks paid, refuses a cancel Shopify would refuse', async () => {
    const refund = [
      '--shop',
      'DEMO',
      '--order',
      shop.shipped.name,
      '--line',
      'SB-TEE:1',
      '--shipping',
      'full',
      '--reason',
      'Torn',
    ];

    const preview = await shop.cli('refund', 'preview', ...refund, '--json', '--api-key', shop.keys.agent);
    expect(preview.stderr).toBe('');
    expect(JSON.parse(preview.stdout)).toMatchObject({
      currency: 'USD',
      subtotal: '25.00',
      shipping: '5.00',
      total: '30.00',
    });

    const created = await shop.cli('refund', 'create', ...refund, '--api-key', shop.keys.agent);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^refund \d+ {2}order \d+ {2}30\.00 USD {2}key refund-[0-9a-f]{32}\n$/);
    const again = await shop.cli('refund', 'create', ...refund, '--api-key', shop.keys.agent);
    expect(again.stdout).toContain('already done with this key: nothing sent again');

    const readOnly = await shop.cli('refund', 'create', ...refund, '--api-key', shop.keys.readOnly);
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toContain('read_only (role read_only) may not refund an order in Shopify');
    const withoutKey = await shop.cli('refund', 'create', ...refund);
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.stderr).toContain('--api-key');

    const paid = await shop.cli(
      'mark-paid',
      '--shop',
      'DEMO',
      '--order',
      shop.unpaid.id,
      '--api-key',
      shop.keys.agent,
    );
    expect(paid.stdout).toMatch(/^order \d+ marked as paid \(PAID\)/);

    const cancel = await shop.cli(
      'cancel',
      '--shop',
      'DEMO',
      '--order',
      shop.shipped.id,
      '--reason',
      'customer',
      '--api-key',
      shop.keys.agent,
    );
    expect(cancel.code).toBe(1);
    expect(cancel.stderr).toContain('cannot be cancelled');
    expect(cancel.stderr).toContain('fulfilled item(s)');
  }, 240_000);
});
