import { randomBytes } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { installAccessControl, installAuthentication } from '../access/index.ts';
import { addTestUser } from '../access/testing/test-users.ts';
import type { Order } from '../domain/order.ts';
import { anOrder } from '../domain/testing/order-builders.ts';
import { installApiErrorHandling } from '../http/api/api-errors.ts';
import { createLogger } from '../shared/logger.ts';
import { addShop, quickShopInput } from '../shops/index.ts';
import { registerLiveSyncRoutes } from './live-sync-routes.ts';
import type { FetchedOrderPage, SyncDeps } from './ports.ts';
import { SyncRuns } from './sync-runs.ts';
import { FakeBooks, FakeOrderSource } from './testing/fake-source.ts';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 10, 12, minute)).toISOString();
const order = (id: number): Order =>
  anOrder({ shopifyId: String(id), name: `#${id}`, createdAt: at(id), updatedAt: at(id) });

/** Holds the second page until `release()`: a sync caught mid-run. */
class GatedSource extends FakeOrderSource {
  release: () => void = () => undefined;
  #gate = new Promise<void>((resolve) => (this.release = resolve));

  override async *changedOrders(updatedAfter: string | null): AsyncIterable<FetchedOrderPage> {
    let page = 0;
    for await (const fetched of super.changedOrders(updatedAfter)) {
      if (page++ === 1) await this.#gate;
      yield fetched;
    }
  }

  reset(): void {
    this.#gate = new Promise<void>((resolve) => (this.release = resolve));
  }
}

function events(body: string): { type: string; data: Record<string, unknown> }[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return { type: eventLine!.slice(7), data: JSON.parse(dataLine!.slice(6)) as Record<string, unknown> };
    });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describeOnEachBackend('live sync: POST …/sync/start and the SSE stream …/sync/events', (backend) => {
  let store: TestStore;
  let source: GatedSource;
  let runs: SyncRuns;
  let app: FastifyInstance;
  let agentKey: string;
  let readerKey: string;
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  function server(): FastifyInstance {
    const logger = createLogger('silent');
    const instance = Fastify();
    installApiErrorHandling(instance, logger);
    installAuthentication(instance, store.db);
    installAccessControl(instance, store.db);
    registerLiveSyncRoutes(instance, runs);
    return instance;
  }

  beforeAll(async () => {
    store = await openTestStore(backend);
    source = new GatedSource(2);
    const deps: SyncDeps = {
      db: store.db,
      secretKey: randomBytes(32),
      books: new FakeBooks(),
      sourceFor: () => source,
      now: () => new Date(at(30)),
    };
    await addShop(deps, quickShopInput({ code: 'EU', domain: 'eu-shop.myshopify.com', token: 'shpat_x' }));
    agentKey = (await addTestUser(store.db, 'agent')).apiKey;
    readerKey = (await addTestUser(store.db, 'read_only')).apiKey;
    runs = new SyncRuns(deps, () => `run-${Date.now()}`);
    app = server();
  });
  afterAll(async () => {
    source.release();
    await app.close();
    await store.close();
  });

  it('starts a sync in the background (202), refuses a second (409); a client mid-run gets the newest progress, then done', async () => {
    source.put(order(1), order(2), order(3), order(4));
    expect(
      (await app.inject({ method: 'POST', url: '/api/shops/EU/sync/start', headers: auth(readerKey) }))
        .statusCode,
    ).toBe(403);
    const started = await app.inject({
      method: 'POST',
      url: '/api/shops/EU/sync/start',
      headers: auth(agentKey),
      payload: { bulk: false },
    });
    expect(started.statusCode).toBe(202);
    const { runId } = started.json() as { runId: string };
    await until(() => {
      const latest = runs.latest('EU');
      return latest?.type === 'progress' && latest.data.staged === 2;
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/shops/EU/sync/start',
      headers: auth(agentKey),
      payload: {},
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'conflict']);

    const stream = app.inject({ url: '/api/shops/EU/sync/events', headers: auth(readerKey) });
    await until(() => runs.listenerCount === 1);
    source.release();
    const response = await stream;
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const received = events(response.body);
    expect(received[0]).toMatchObject({
      type: 'progress',
      data: { runId, phase: 'staging', fetched: 2, staged: 2 },
    });
    expect(received.at(-1)).toMatchObject({
      type: 'done',
      data: { runId, summary: { staged: 4, imported: 4, errors: [] } },
    });
    const last = received.at(-2)!.data;
    expect(last).toMatchObject({ runId, fetched: 4, staged: 4, imported: 4, failed: 0 });
    expect(runs.listenerCount).toBe(0);

    // After the run: the stream answers its outcome at once and ends.
    const after = await app.inject({ url: '/api/shops/EU/sync/events', headers: auth(readerKey) });
    expect(events(after.body)).toEqual([expect.objectContaining({ type: 'done' })]);
  });

  it('a run that fails ends the stream with `failed` and a typed error', async () => {
    source.reset();
    source.release();
    source.failAfterPages = 0;
    const { runId } = (
      await app.inject({
        method: 'POST',
        url: '/api/shops/EU/sync/start',
        headers: auth(agentKey),
        payload: { bulk: false },
      })
    ).json() as { runId: string };
    await runs.settled();
    source.failAfterPages = null;
    const response = await app.inject({ url: '/api/shops/EU/sync/events', headers: auth(readerKey) });
    expect(events(response.body)).toEqual([
      {
        type: 'failed',
        data: { runId, error: { code: 'internal_error', message: 'Internal error; see the server log' } },
      },
    ]);
  });

  it('unknown shop 404 for both; no key 401', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/shops/NOPE/sync/start',
      headers: auth(agentKey),
      payload: {},
    });
    expect(start.statusCode).toBe(404);
    expect(
      (await app.inject({ url: '/api/shops/NOPE/sync/events', headers: auth(agentKey) })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: '/api/shops/EU/sync/events' })).statusCode).toBe(401);
  });

  it('the stream ends when the client goes away, and when the server closes', async () => {
    await addShop(
      runs.deps,
      quickShopInput({ code: 'US', domain: 'us-shop.myshopify.com', token: 'shpat_y' }),
    );
    const live = server();
    const address = await live.listen({ port: 0, host: '127.0.0.1' });
    const open = () =>
      new Promise<{ response: IncomingMessage; abort: () => void }>((resolve, reject) => {
        const request = get(`${address}/api/shops/US/sync/events`, { headers: auth(readerKey) }, (response) =>
          response.once('data', () => resolve({ response, abort: () => request.destroy() })),
        );
        request.on('error', reject);
      });
    const first = await open();
    expect(runs.listenerCount).toBe(1);
    first.abort();
    await until(() => runs.listenerCount === 0);

    const second = await open();
    const ended = new Promise((resolve) => second.response.on('end', resolve));
    await live.close();
    await ended;
    expect(runs.listenerCount).toBe(0);
  });
});
