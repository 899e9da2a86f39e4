import { describe, expect, it } from 'vitest';
import { openStore } from '../db/index.ts';
import { createLogger } from '../shared/logger.ts';
import { buildServer } from './server.ts';

describe('GET /health', () => {
  it('is 200 while the database answers and 503 once it does not', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    const app = buildServer({ store, logger: createLogger('silent') });
    const healthy = await app.inject({ method: 'GET', url: '/health' });
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json()).toEqual({ status: 'ok', database: 'pglite' });

    await store.close();
    const unhealthy = await app.inject({ method: 'GET', url: '/health' });
    expect(unhealthy.statusCode).toBe(503);
    expect(unhealthy.json()).toEqual({ status: 'unavailable', database: 'pglite' });
    await app.close();
  });
});
