import { describe, expect, it } from 'vitest';
import { cliAgentShop } from '../support/cli-agent-shop.ts';

/** `storebridge orders archive` (docs/agent-actions.md "Archive paid and fulfilled orders"). */
const shop = cliAgentShop();

describe('storebridge orders archive', () => {
  it('lists in a dry run, archives the paid and fulfilled order once, refuses a read-only key', async () => {
    const archive = ['orders', 'archive', '--shop', 'DEMO'];

    const refused = await shop.cli(...archive, '--api-key', shop.keys.readOnly);
    expect(refused.code).not.toBe(0);
    const dry = await shop.cli(...archive, '--dry-run', '--api-key', shop.keys.agent);
    expect(dry.stdout).toBe(
      `${shop.shipped.name}  id ${shop.shipped.id}  would archive\n1 order(s) would archive, 0 failed\n`,
    );
    const done = await shop.cli(...archive, '--json', '--api-key', shop.keys.agent);
    expect(JSON.parse(done.stdout)).toMatchObject({
      dryRun: false,
      archived: [{ shopifyOrderId: shop.shipped.id, alreadyClosed: false }],
      failed: [],
    });
    const again = await shop.cli(...archive, '--api-key', shop.keys.agent);
    expect(again.stdout).toBe('0 order(s) archived, 0 failed\n');
  }, 240_000);
});
