import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db/index.ts';
import { createLogger } from '../shared/logger.ts';
import { buildServer } from './server.ts';

const logger = createLogger('silent');
let store: Store;
let dir: string;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  dir = mkdtempSync(join(tmpdir(), 'web-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>storebridge</title>');
  writeFileSync(join(dir, 'assets', 'app-abc.js'), 'console.log(1)');
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the operator UI at /', () => {
  it('serves the built app with its CSP, and index.html for the pages the app routes', async () => {
    const app = buildServer({ store, logger, secretKey: randomBytes(32), webUi: dir });
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<title>storebridge</title>');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");

    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc.js' });
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');

    const page = await app.inject({ method: 'GET', url: '/shops/DEMO/orders/%231001' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>storebridge</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    await app.close();
  });

  it('keeps the JSON answers of unknown /api/ and /webhooks/ paths and of writes', async () => {
    const app = buildServer({ store, logger, secretKey: randomBytes(32), webUi: dir });
    for (const [method, url] of [
      ['GET', '/webhooks/nothing-here'],
      ['POST', '/shops'],
    ] as const) {
      const answer = await app.inject({ method, url });
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    // Without a session an unknown /api/ path is refused before routing: JSON, never the app.
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(401);
    expect(api.headers['content-type']).toContain('application/json');
    await app.close();
  });

  it('serves no UI when there is no build (webUi: null or an empty folder)', async () => {
    for (const webUi of [null, join(dir, 'assets')]) {
      const app = buildServer({ store, logger, secretKey: randomBytes(32), webUi });
      const answer = await app.inject({ method: 'GET', url: '/' });
      expect(answer.statusCode).toBe(404);
      await app.close();
    }
  });
});
