import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, freePort, freshDataDir, runCli, startCli, waitForHttp } from '../support/cli.ts';

describe('npm start on a fresh machine', () => {
  it('answers GET /health with 200 on the embedded store, then shuts down cleanly', async () => {
    const dataDir = freshDataDir();
    const port = await freePort();
    const env = {
      PORT: String(port),
      STOREBRIDGE_DATA_DIR: dataDir,
      STOREBRIDGE_SECRET_KEY: '',
      STOREBRIDGE_DEMO_EMULATOR_PORT: '0',
    };
    const { child, output } = startCli(['start'], env);
    try {
      const response = await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
      // The embedded default keeps its data and a generated, owner-only secret key in the data folder.
      expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
      expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
      await waitFor(() => output().includes('Demo: shop DEMO is connected'));

      // The API needs a key: the demo-admin's is kept owner-only in the data folder, and the banner says where.
      const keyPath = join(dataDir, 'demo-admin.key');
      await waitFor(() => output().includes(`Authorization: Bearer $(cat ${keyPath})`));
      expect(statSync(keyPath).mode & 0o777).toBe(0o600);
      const authorization = `Bearer ${readFileSync(keyPath, 'utf8').trim()}`;
      const anonymous = await fetch(`http://127.0.0.1:${port}/api/shops/DEMO/documents`);
      expect([
        anonymous.status,
        ((await anonymous.json()) as { error: { code: string } }).error.code,
      ]).toEqual([401, 'unauthenticated']);
      const me = await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { authorization } });
      expect(await me.json()).toMatchObject({ name: 'demo-admin', role: 'admin' });

      // The web UI's sign-in: demo-admin's password, kept owner-only beside the key, shown by the banner.
      const passwordPath = join(dataDir, 'demo-admin.password');
      expect(statSync(passwordPath).mode & 0o777).toBe(0o600);
      const password = readFileSync(passwordPath, 'utf8').trim();
      expect(output()).toContain(
        `UI: http://127.0.0.1:${port}/  sign in as demo-admin with the password in ${passwordPath} (${password})`,
      );
      const session = await fetch(`http://127.0.0.1:${port}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'demo-admin', password }),
      });
      expect(session.status).toBe(200);

      // Documents appear within seconds: the demo's history first, then the live merchant's new
      // orders, which reach the service only as webhooks (nobody runs a sync).
      const documents = async () => {
        const answer = await fetch(`http://127.0.0.1:${port}/api/shops/DEMO/documents`, {
          headers: { authorization },
        });
        return ((await answer.json()) as { documents: { shopifyOrderId: string }[] }).documents;
      };
      const first = await waitForValue(documents, (list) => list.length > 0);
      const firstOrders = new Set(first.map((document) => document.shopifyOrderId));
      const later = await waitForValue(documents, (list) =>
        list.some((document) => !firstOrders.has(document.shopifyOrderId)),
      );
      expect(later.length).toBeGreaterThan(first.length);
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/storebridge_webhook_receipts_total\{[^}]*outcome="accepted"[^}]*\} [1-9]/);

      // A second process on the same embedded store is refused instead of corrupting it.
      const second = await runCli(['shop', 'list'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/in use by process \d+/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exitOf(child)).toBe(0);
    expect(output()).toContain('shutting down');

    // The demo shop was connected to the built-in emulator with the demo master data.
    const shops = await runCli(['shop', 'show', 'DEMO', '--json'], { STOREBRIDGE_DATA_DIR: dataDir });
    expect(shops.code).toBe(0);
    expect(JSON.parse(shops.stdout)).toMatchObject({
      code: 'DEMO',
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    const items = await runCli(['master', 'list', 'items', '--json'], { STOREBRIDGE_DATA_DIR: dataDir });
    expect(items.stdout).toContain('SB-TEE');
    // ... and Shopify's inventory levels as its opening stock.
    const stock = await runCli(['stock', '--json'], { STOREBRIDGE_DATA_DIR: dataDir });
    expect(stock.code).toBe(0);
    const levels = JSON.parse(stock.stdout) as { itemNo: string; locationCode: string; onHand: number }[];
    expect(levels.some((level) => level.locationCode === 'MAIN' && level.onHand > 0)).toBe(true);
    // Nothing failed for good.
    const attention = await runCli(['jobs', 'needs-attention', '--json'], { STOREBRIDGE_DATA_DIR: dataDir });
    expect(attention.code).toBe(0);
    expect(JSON.parse(attention.stdout)).toEqual([]);
  }, 180_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForValue<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('value not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
