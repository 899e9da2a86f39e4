import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, freePort, freshDataDir, startCli, waitForHttp } from '../support/cli.ts';

describe('npm start on a fresh machine', () => {
  it('answers GET /health with 200 on the embedded store, then shuts down cleanly', async () => {
    const dataDir = freshDataDir();
    const port = await freePort();
    const { child, output } = startCli(['start'], {
      PORT: String(port),
      STOREBRIDGE_DATA_DIR: dataDir,
      STOREBRIDGE_SECRET_KEY: '',
    });
    try {
      const response = await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
      // The embedded default keeps its data and a generated, owner-only secret key in the data folder.
      expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
      expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exitOf(child)).toBe(0);
    expect(output()).toContain('shutting down');
  }, 90_000);
});
