import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser } from '../../access/testing/test-users.ts';
import { addWebShop } from '../../books/testing/web-shop.ts';
import { migrateToLatest, openStore } from '../../db/index.ts';
import { loadSecretKey } from '../../shared/secret-key.ts';

const bin = fileURLToPath(new URL('../../../bin/storebridge.js', import.meta.url));

/**
 * `storebridge invoices post | list | export | reset-export` as a person runs them: fresh
 * processes on the embedded store; one line naming the field on a bad file; the user's key.
 */
describe('storebridge invoices (CLI, embedded store)', () => {
  let dataDir: string;
  let admin: string;
  let readOnly: string;
  let run: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'storebridge-invoices-'));
    const folder = join(dataDir, 'data');
    const { DATABASE_URL: _ignored, STOREBRIDGE_API_KEY: _key, ...env } = process.env;
    const childEnv = { ...env, STOREBRIDGE_DATA_DIR: folder, LOG_LEVEL: 'silent' };
    run = (...args) =>
      new Promise((resolve) => {
        execFile(process.execPath, [bin, ...args], { env: childEnv, cwd: dataDir }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const store = await openStore({ dataDir: folder });
    try {
      await migrateToLatest(store.db);
      await addWebShop({ db: store.db, secretKey: loadSecretKey({ dataDir: folder }) });
      admin = (await addTestUser(store.db, 'admin')).apiKey;
      readOnly = (await addTestUser(store.db, 'read_only')).apiKey;
    } finally {
      await store.close();
    }
    const invoice = {
      shop: 'WEB',
      customerNo: 'C0001',
      lines: [
        {
          type: 'gl_account',
          no: '4100',
          description: 'Freight',
          quantity: 1,
          unitPrice: '9.95',
          taxAmount: '0.80',
        },
      ],
    };
    await writeFile(join(dataDir, 'invoice.json'), JSON.stringify(invoice));
    await writeFile(
      join(dataDir, 'bad.json'),
      JSON.stringify({ ...invoice, lines: [{ ...invoice.lines[0], quantity: -1 }] }),
    );
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('post: a bad field is one line naming it; a key is needed, of a user who may', async () => {
    const bad = await run('invoices', 'post', '--file', 'bad.json', '--api-key', admin);
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'error: lines.0.quantity: must be a number above 0 with at most 5 decimals\n',
    });
    expect((await run('invoices', 'post', '--file', 'invoice.json')).stderr).toMatch(/^error: --api-key: /);
    expect((await run('invoices', 'post', '--file', 'invoice.json', '--api-key', readOnly)).stderr).toMatch(
      /may not export posted invoices to Shopify/,
    );
    const posted = await run('invoices', 'post', '--file', 'invoice.json', '--api-key', admin);
    expect(posted).toMatchObject({ code: 0, stdout: 'SI-000001 posted: 10.75 USD for customer C0001\n' });
  }, 120_000);

  it('list shows the Shopify Order ID; export refuses while the shop has it off; only -1/-2 are reset', async () => {
    expect((await run('invoices', 'list', '--shop', 'WEB')).stdout).toBe(
      'SI-000001  C0001  10.75 USD  Shopify Order ID 0\n',
    );
    expect((await run('invoices', 'export', '--shop', 'WEB', '--api-key', admin)).stderr).toMatch(
      /^error: invoiceExport.enabled: the posted invoice export is off for shop "WEB"/,
    );
    expect(
      (await run('invoices', 'reset-export', '--document', 'SI-000001', '--api-key', admin)).stderr,
    ).toBe('error: Invoice SI-000001 is not exported; only a failed (-1) or excluded (-2) export is reset\n');
  }, 120_000);
});
