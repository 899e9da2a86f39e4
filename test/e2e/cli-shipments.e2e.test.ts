import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { demoSetupArgs, embeddedCli, runCli } from '../support/cli.ts';
import { addCliUsers } from '../support/cli-users.ts';
import { Merchant, type PlacedOrder } from '../support/e2e/merchant.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';

/**
 * The operator's path for shipments through the CLI (docs/shipments.md): a shipping agent, a
 * shipment posted by line, the list with its send state, `sync shipments` with an API key, and a
 * read-only key refused. Each command is its own process, as in real use.
 */
interface Document {
  number: string;
  shopifyOrderId: string;
  lines: { lineNo: number; no: string | null }[];
}

let emulator: RunningEmulator;
let order: PlacedOrder;
const { dataDir, env, cli } = embeddedCli();

beforeAll(async () => {
  emulator = await startShopEmulator();
  order = await new Merchant(emulator).placeOrder({ lines: [{ sku: 'SB-TEE', quantity: 2 }] });
});
afterAll(() => emulator.close());

describe('storebridge CLI: shipments', () => {
  it('shipping agent, post by line, list, sync with a key; a read-only key is refused', async () => {
    await cli(...demoSetupArgs(emulator));
    await cli('sync', 'orders', '--shop', 'DEMO');
    const printed = JSON.parse((await cli('documents', '--shop', 'DEMO', '--json')).stdout) as
      Document[] | { documents: Document[] };
    const documents = Array.isArray(printed) ? printed : printed.documents;
    const salesOrder = documents.find((d) => d.shopifyOrderId === order.id)!;
    const teeLine = salesOrder.lines.find((l) => l.no === '1000')!.lineNo;
    const keys = await addCliUsers(dataDir, {
      agent: { role: 'agent' },
      reader: { role: 'read_only', name: 'reader' },
    });

    const agentSet = await cli(
      'shipping-agents',
      'set',
      '--code',
      'UPS',
      '--name',
      'UPS',
      '--service',
      'EXPRESS',
    );
    expect(agentSet).toMatchObject({ code: 0, stdout: 'Shipping agent UPS saved\n' });

    const post = ['shipments', 'post', '--shop', 'DEMO', '--document', salesOrder.number];
    const refused = await cli(...post, '--all', '--api-key', keys.reader);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('reader (role read_only) may not');

    const bad = await cli(...post, '--line', 'x', '--api-key', keys.agent);
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'error: --line 1: expected <lineNo>:<qty> with whole numbers, got "x"\n',
    });

    const posted = await cli(
      ...post,
      '--line',
      `${teeLine}:1`,
      '--tracking-number',
      '1Z1',
      '--shipping-agent',
      'UPS',
      '--api-key',
      keys.agent,
    );
    expect(posted.stderr).toBe('');
    expect(posted.stdout).toContain('Posted SHIP-000001');

    const pending = JSON.parse((await cli('shipments', '--shop', 'DEMO', '--json')).stdout) as {
      shipments: { number: string; sendStatus: string }[];
    };
    expect(pending.shipments).toEqual([
      expect.objectContaining({ number: 'SHIP-000001', sendStatus: 'pending' }),
    ]);

    const synced = await runCli(['sync', 'shipments', '--shop', 'DEMO'], {
      ...env,
      STOREBRIDGE_API_KEY: keys.agent,
    });
    expect(synced).toMatchObject({ code: 0 });
    expect(synced.stdout).toContain('sent 1, failed 0, not sendable 0');

    const listed = await cli('shipments', '--shop', 'DEMO');
    expect(listed.stdout).toMatch(
      /SHIP-000001 {2}DEMO {2}SO-\d+ {2}order #\d+ {2}1 unit\(s\) {2}sent \(fulfillment \d+\)/,
    );
  }, 300_000);
});
