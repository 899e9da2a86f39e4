import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `storebridge shop ...` end to end: the real binary, run by the Node that runs the tests, on an
 * embedded store in a temporary data folder. Every output is kept, to check no secret leaks.
 */
const run = promisify(execFile);
const bin = new URL('../../bin/storebridge.js', import.meta.url).pathname;
const secrets = ['shpat_cli_token_1', 'cli_client_secret_2', 'cli_webhook_secret_3'];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe('storebridge shop (CLI)', { timeout: 120_000 }, () => {
  let dataDir: string;
  const outputs: string[] = [];

  async function storebridge(...args: string[]): Promise<Result> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      STOREBRIDGE_DATA_DIR: dataDir,
      STOREBRIDGE_SECRET_KEY: randomKey,
      LOG_LEVEL: 'silent',
    };
    delete env.DATABASE_URL;
    // No public address: switching auto sync then tells how to subscribe instead of calling Shopify.
    delete env.STOREBRIDGE_PUBLIC_URL;
    const result = await run(process.execPath, [bin, ...args], { env, timeout: 100_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );
    outputs.push(result.stdout, result.stderr);
    return result;
  }

  function shopFile(name: string, content: unknown): string {
    const path = join(dataDir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  }

  const randomKey = randomBytes(32).toString('base64');
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'storebridge-shop-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a shop from --code, --domain and --token', async () => {
    const result = await storebridge(
      'shop',
      'add',
      '--code',
      'POS',
      '--domain',
      'pos-shop.myshopify.com',
      '--token',
      secrets[0]!,
      '--endpoint',
      'http://127.0.0.1:4010',
    );
    expect(result).toMatchObject({
      code: 0,
      stdout: 'Shop POS added (pos-shop.myshopify.com)\n',
      stderr: '',
    });
  });

  it('adds a shop from a file', async () => {
    const file = shopFile('web.json', {
      '//': 'comments are allowed',
      code: 'WEB',
      name: 'Web store',
      shopifyDomain: 'web-shop.myshopify.com',
      credentials: { clientId: 'cli-client-id', clientSecret: secrets[1] },
      webhookSecret: secrets[2],
      shopCurrency: 'EUR',
    });
    expect(await storebridge('shop', 'add', '--file', file)).toMatchObject({
      code: 0,
      stdout: 'Shop WEB added (web-shop.myshopify.com)\n',
    });
  });

  // One row per refused file: exit 1 and one line naming the field.
  const refused = [
    {
      name: 'a missing field',
      content: { code: 'BAD', credentials: { accessToken: 'x' } },
      line: 'error: shopifyDomain: is required\n',
    },
    {
      name: 'an invalid field',
      content: {
        code: 'BAD',
        shopifyDomain: 'bad.myshopify.com',
        credentials: { accessToken: 'x' },
        timeZone: 'Nowhere',
      },
      line: 'error: timeZone: must be an IANA time zone such as Europe/Berlin or UTC\n',
    },
    {
      name: 'a missing G/L account',
      content: {
        code: 'BAD',
        shopifyDomain: 'bad.myshopify.com',
        credentials: { accessToken: 'x' },
        accounts: { tip: '8000' },
      },
      line: 'error: accounts.tip: G/L account 8000 does not exist\n',
    },
  ];
  it.each(refused)('refuses a file with $name', async ({ content, line }) => {
    const result = await storebridge('shop', 'add', '--file', shopFile('bad.json', content));
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: line });
  });

  it('lists the shops that were added, and only those', async () => {
    const result = await storebridge('shop', 'list');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['CODE', 'POS', 'WEB', '']);
    expect(result.stdout).toMatch(/WEB\s+Web store\s+web-shop\.myshopify\.com\s+EUR/);
  });

  it('shows a shop with its secrets as (set) or (not set)', async () => {
    const text = await storebridge('shop', 'show', 'WEB');
    expect(text.stdout).toMatch(/^credentials\.accessToken\s+\(not set\)$/m);
    expect(text.stdout).toMatch(/^credentials\.clientSecret\s+\(set\)$/m);
    expect(text.stdout).toMatch(/^webhookSecret\s+\(set\)$/m);
    expect(text.stdout).toMatch(/^sendShippingConfirmation\s+true$/m);
    const json = JSON.parse((await storebridge('shop', 'show', 'WEB', '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({
      code: 'WEB',
      credentials: { clientId: 'cli-client-id', clientSecret: '(set)' },
      webhookSecret: '(set)',
    });
  });

  it('changes settings with shop set', async () => {
    const result = await storebridge(
      'shop',
      'set',
      'POS',
      'autoSyncOrders=true',
      'orderFilters.channel=Point of Sale',
      'orderFilters.tags=@*pos*,staff',
    );
    expect(result).toMatchObject({
      code: 0,
      stdout:
        'Shop POS updated: autoSyncOrders, orderFilters.channel, orderFilters.tags\n' +
        'Webhook subscriptions not changed: STOREBRIDGE_PUBLIC_URL is not set; ' +
        'run `storebridge webhooks sync --shop POS --address <https url>`\n',
    });
    const json = JSON.parse((await storebridge('shop', 'show', 'POS', '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({
      autoSyncOrders: true,
      orderFilters: { channel: 'Point of Sale', tags: ['@*pos*', 'staff'] },
    });
  });

  it('refuses an unknown setting or a broken rule in one line, changing nothing', async () => {
    expect(
      await storebridge('shop', 'set', 'POS', 'autoSyncOrders=false', 'refundAccount=8000'),
    ).toMatchObject({
      code: 1,
      stderr: 'error: refundAccount: is not a shop setting\n',
    });
    expect(
      await storebridge(
        'shop',
        'set',
        'POS',
        'createCustomerRefunds=true',
        'returnsAndRefundsMode=import_only',
      ),
    ).toMatchObject({
      code: 1,
      stderr:
        'error: accounts.refundPayFrom: is required when customer refunds are created (createCustomerRefunds)\n',
    });
    expect(await storebridge('shop', 'show', 'NOPE')).toMatchObject({
      code: 1,
      stderr: 'error: Shop "NOPE" does not exist\n',
    });
    const json = JSON.parse((await storebridge('shop', 'show', 'POS', '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ autoSyncOrders: true, returnsAndRefundsMode: 'none' });
  });

  it('never prints a secret', () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(outputs.join('\n')).not.toContain(secret);
  });
});
