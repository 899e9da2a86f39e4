import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser } from '../access/testing/test-users.ts';
import { migrateToLatest, openStore, type Store } from '../db/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { createLogger } from '../shared/logger.ts';
import { ShopifyAuthError, ShopifyThrottledError, ShopifyUnavailableError } from '../shopify/index.ts';
import type { RegisterApiRoutes } from './api/api-routes.ts';
import { buildServer } from './server.ts';

const logger = createLogger('silent');
const secretKey = randomBytes(32);

describe('GET /health', () => {
  it('is 200 while the database answers and 503 once it does not', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    const app = buildServer({ store, logger, secretKey });
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

/** A capability whose routes throw what the case names, to see the API frame's answer. */
const failingRoutes: RegisterApiRoutes = (app, deps) => {
  expect(deps.secretKey).toBe(secretKey);
  app.get<{ Params: { kind: string } }>('/api/fail/:kind', async (request) => {
    throw errors[request.params.kind]?.() ?? new Error('a bug with a secret in it');
  });
  app.post('/api/typed', { schema: { body: { type: 'object', required: ['shop'] } } }, async () => ({}));
};

const errors: Record<string, () => Error> = {
  validation: () => new ValidationError('shop: is required'),
  missing: () => new NotFoundError('Shop "NOPE" does not exist'),
  conflict: () => new ConflictError('order #1001 of shop "WEB" is in conflict'),
  throttled: () => new ShopifyThrottledError('Shopify throttled the request', 2500),
  unavailable: () => new ShopifyUnavailableError('Shopify answered 503', 503),
  auth: () => new ShopifyAuthError('Shopify refused the access token'),
};

describe('the /api/ error frame', () => {
  // The frame touches the database only to know the caller: one store serves every case.
  let store: Store;
  let headers: { authorization: string };
  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
    await migrateToLatest(store.db);
    headers = { authorization: `Bearer ${(await addTestUser(store.db, 'admin')).apiKey}` };
  });
  afterAll(() => store.close());

  const cases = [
    { kind: 'validation', status: 400, code: 'validation_failed', message: 'shop: is required' },
    { kind: 'missing', status: 404, code: 'not_found', message: 'Shop "NOPE" does not exist' },
    { kind: 'conflict', status: 409, code: 'conflict', message: 'order #1001 of shop "WEB" is in conflict' },
    { kind: 'throttled', status: 503, code: 'shopify_throttled', message: 'Shopify throttled the request' },
    { kind: 'unavailable', status: 503, code: 'shopify_unavailable', message: 'Shopify answered 503' },
    { kind: 'auth', status: 502, code: 'shopify_unauthorized', message: 'Shopify refused the access token' },
    { kind: 'bug', status: 500, code: 'internal_error', message: 'Internal error; see the server log' },
  ];

  it.each(cases)('$kind -> $status $code', async ({ kind, status, code, message }) => {
    const app = buildServer({ store, logger, secretKey, routes: [failingRoutes] });
    const response = await app.inject({ method: 'GET', url: `/api/fail/${kind}`, headers });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code, message } });
    if (kind === 'throttled') expect(response.headers['retry-after']).toBe('3');
    await app.close();
  });

  it('answers bad bodies and unknown routes in the same shape', async () => {
    const app = buildServer({ store, logger, secretKey, routes: [failingRoutes] });
    const bad = await app.inject({ method: 'POST', url: '/api/typed', headers, payload: { other: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: "body: must have required property 'shop'",
        issues: [{ path: 'body', message: "must have required property 'shop'" }],
      },
    });
    const unparsable = await app.inject({
      method: 'POST',
      url: '/api/typed',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"shop":',
    });
    expect(unparsable.statusCode).toBe(400);
    expect(unparsable.json().error.code).toBe('validation_failed');
    const unknown = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1', headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/nothing-here' },
    });
    await app.close();
  });
});
