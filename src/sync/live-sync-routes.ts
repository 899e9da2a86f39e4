import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { getShopConnection } from '../shops/index.ts';
import type { SyncRunEvent, SyncRuns } from './sync-runs.ts';

type ShopParams = { Params: { code: string } };

/** A comment line now and then keeps proxies from closing a quiet stream (Default: 15 s). */
const heartbeatMs = 15_000;

/**
 * Live sync (issue 9 item 3), in this server process only:
 * - `POST /api/shops/:code/sync/start {bulk?}` starts a sync in the background: 202 `{runId}`,
 *   409 `conflict` while one runs for the shop here;
 * - `GET /api/shops/:code/sync/events` is a server-sent-events stream of the shop's run:
 *   `progress` events, then `done` or `failed`, after which the stream ends. A client that comes
 *   mid-run gets the newest progress first; one that comes after a run gets its `done`/`failed`;
 *   one that comes before any run waits for the next. Streams end when the client goes away
 *   and when the server closes.
 */
export function registerLiveSyncRoutes(app: FastifyInstance, runs: SyncRuns): void {
  const streams = new Set<ServerResponse>();

  app.post<ShopParams & { Body: { bulk?: boolean } | undefined }>(
    '/api/shops/:code/sync/start',
    {
      config: { permission: 'sync.run' },
      schema: {
        body: { type: 'object', additionalProperties: false, properties: { bulk: { type: 'boolean' } } },
      },
    },
    async (request, reply) => reply.code(202).send(await runs.start(request.params.code, request.body ?? {})),
  );

  app.get<ShopParams>('/api/shops/:code/sync/events', async (request, reply) => {
    const { code } = request.params;
    await getShopConnection(runs.deps, code); // 404 for an unknown shop, as a JSON error
    const raw = reply.hijack().raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: do not buffer the stream
    });
    streams.add(raw);
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
    heartbeat.unref();
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
      if (!raw.writableEnded) raw.end();
    };
    const send = (event: SyncRunEvent) => {
      raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
      if (event.type !== 'progress') close();
    };
    const unsubscribe = runs.subscribe(code, send);
    raw.on('close', close);
    const latest = runs.latest(code);
    if (latest) send(latest);
    else raw.write(': waiting for a sync to start\n\n');
  });

  // Open streams would keep close() waiting for ever: they end first, then running syncs finish.
  app.addHook('preClose', async () => {
    for (const stream of [...streams]) stream.end();
  });
  app.addHook('onClose', async () => {
    await runs.settled();
  });
}
