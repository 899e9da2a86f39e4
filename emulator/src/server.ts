import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLSchema } from 'graphql';
import type { ApiChaos } from './chaos/api-chaos.ts';
import { serverErrorReply } from './chaos/server-error-replies.ts';
import type { ShopState } from './domain/index.ts';
import { executeGraphql, type GraphqlCall } from './graphql/execute-graphql.ts';
import { mutationRoot } from './graphql/roots/mutation-root.ts';
import { queryRoot } from './graphql/roots/query-root.ts';
import type { RequestLog } from './log/request-log.ts';
import type { CostGate, RestGate } from './throttle/throttle.ts';
import { throttledRestReply } from './throttle/throttled-replies.ts';

/** The REST router (`emulator/src/rest`): full Admin path in, `{status, headers, body}` out. */
export type RestHandler = (
  state: ShopState,
  request: { method: string; path: string; query: URLSearchParams; body: unknown },
) => { status: number; headers?: Record<string, string>; body: unknown };

export interface EmulatorApp {
  readonly state: ShopState;
  readonly schema: GraphQLSchema;
  readonly log: RequestLog;
  /** Value expected in `X-Shopify-Access-Token`. */
  readonly token: string;
  readonly rest: RestHandler | undefined;
  /** Empties the shop in place (`POST /__emulator/reset`). */
  readonly resetShop: () => void;
  /** Called after every request that may have changed the shop (persistence). */
  readonly afterMutation: () => void;
  /** `/__emulator/...` routes of the features (clock, throttle, chaos, bulk, webhooks...). */
  readonly controls?: readonly ControlRoute[];
  /** GraphQL cost bucket (Default: never throttles). */
  readonly graphqlGate?: CostGate;
  /** REST call bucket (Default: never throttles). */
  readonly restGate?: RestGate;
  /** Fault injection on the Admin API (Default: none). */
  readonly chaos?: ApiChaos;
  /** Extra QueryRoot/Mutation fields bound to features outside the shop (webhook subscriptions). */
  readonly graphqlRoots?: {
    readonly query: () => Record<string, unknown>;
    readonly mutation: () => Record<string, unknown>;
  };
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Stream this file as the body instead of `body` (bulk JSONL results). */
  file?: string;
}

/** A control request: `params` are the capture groups of a RegExp path. */
export interface ControlRequest {
  readonly path: string;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** One `/__emulator/...` endpoint; each feature exports its list from its own folder. */
export interface ControlRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string | RegExp;
  handle(request: ControlRequest): Reply | Promise<Reply>;
}

/** Chaos chose to drop the connection: nothing is answered. */
const CONNECTION_RESET = 'connection-reset';

/** Shopify's exact 401 body for a missing or wrong access token. */
export const INVALID_TOKEN_BODY = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};
const NOT_FOUND_BODY = { errors: 'Not Found' };
const adminPath = /^\/admin\/api\/([^/]+)\/(.+\.json)$/;
const versionPattern = /^(\d{4}-(0[1-9]|1[0-2])|unstable)$/;

export function createEmulatorServer(app: EmulatorApp): Server {
  return createServer((req, res) => {
    handle(app, req)
      .then((reply) => (reply === CONNECTION_RESET ? req.socket.destroy() : send(res, reply)))
      .catch((error: unknown) =>
        send(res, { status: 500, body: { errors: 'Internal Server Error' } }, error),
      );
  });
}

async function handle(app: EmulatorApp, req: IncomingMessage): Promise<Reply | typeof CONNECTION_RESET> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  if (url.pathname.startsWith('/__emulator/')) return control(app, method, url, raw);
  const match = adminPath.exec(url.pathname);
  const started = performance.now();
  const reply = await admin(app, req, method, url, raw, match);
  if (reply === CONNECTION_RESET) return reply;
  app.log.record({
    time: app.state.now(),
    api: match?.[2] === 'graphql.json' ? 'graphql' : 'rest',
    method,
    path: url.pathname,
    version: match?.[1] ?? null,
    operation: reply.operation ?? `${method} ${match?.[2] ?? url.pathname}`,
    requestedCost: reply.cost?.requested ?? null,
    actualCost: reply.cost?.actual ?? null,
    status: reply.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  });
  if (reply.mutated) app.afterMutation();
  return reply;
}

interface AdminReply extends Reply {
  operation?: string;
  cost?: { requested: number; actual: number | null } | null;
  mutated?: boolean;
}

async function admin(
  app: EmulatorApp,
  req: IncomingMessage,
  method: string,
  url: URL,
  raw: string,
  match: RegExpExecArray | null,
): Promise<AdminReply | typeof CONNECTION_RESET> {
  const version = match?.[1];
  const resource = match?.[2];
  if (!version || !resource || !versionPattern.test(version)) return { status: 404, body: NOT_FOUND_BODY };
  if (req.headers['x-shopify-access-token'] !== app.token) return { status: 401, body: INVALID_TOKEN_BODY };
  const headers = { 'x-shopify-api-version': version };
  const api = resource === 'graphql.json' ? 'graphql' : 'rest';
  const chaos = await applyChaos(app.chaos, api);
  if (chaos) return chaos === CONNECTION_RESET ? chaos : { ...chaos, headers };
  if (api === 'graphql') {
    if (method !== 'POST' && method !== 'GET') return { status: 404, body: NOT_FOUND_BODY, headers };
    return { ...(await graphql(app, req, method === 'GET' ? fromSearch(url.searchParams) : raw)), headers };
  }
  if (!app.rest) return { status: 404, body: NOT_FOUND_BODY, headers };
  const restReply = rest(app, method, url, raw);
  return { ...restReply, headers: { ...headers, ...restReply.headers } };
}

/** Latency first, then a dropped connection or a 500, as the chaos config's seeded rolls decide. */
async function applyChaos(chaos: ApiChaos | undefined, api: 'graphql' | 'rest') {
  if (!chaos) return null;
  const latency = chaos.latency();
  if (latency > 0) await sleep(latency);
  const verdict = chaos.verdict();
  if (verdict === 'reset') return CONNECTION_RESET;
  return verdict === 'server-error' ? serverErrorReply(api) : null;
}

/**
 * REST behind its leaky bucket: a refused call answers 429 without the call-limit header; an
 * answered 2xx carries `X-Shopify-Shop-Api-Call-Limit` (fixtures/graphql-error-shapes/rest-429.json).
 */
function rest(app: EmulatorApp, method: string, url: URL, raw: string): AdminReply {
  const admission = app.restGate?.take();
  if (admission && !admission.ok) return throttledRestReply(admission.retryAfterSeconds, admission.leakRate);
  const body = raw ? safeJson(raw) : undefined;
  const reply = app.rest!(app.state, { method, path: url.pathname, query: url.searchParams, body });
  const callLimit: Record<string, string> =
    admission && reply.status >= 200 && reply.status < 300
      ? { 'x-shopify-shop-api-call-limit': admission.callLimit }
      : {};
  return { ...reply, headers: { ...reply.headers, ...callLimit }, mutated: method !== 'GET' };
}

async function graphql(
  app: EmulatorApp,
  req: IncomingMessage,
  raw: string | GraphqlCall,
): Promise<AdminReply> {
  const contentType = String(req.headers['content-type'] ?? '');
  // Shopify accepts JSON bodies, raw `application/graphql` documents and GET ?query=.
  const call: GraphqlCall =
    typeof raw !== 'string'
      ? raw
      : contentType.includes('application/graphql')
        ? { query: raw }
        : toCall(safeJson(raw));
  const outcome = await executeGraphql(
    app.schema,
    call,
    {
      query: () => ({ ...queryRoot(app.state), ...app.graphqlRoots?.query() }),
      mutation: () => ({ ...mutationRoot(app.state), ...app.graphqlRoots?.mutation() }),
    },
    app.graphqlGate,
  );
  const operation = [outcome.operationType, outcome.operationName].filter(Boolean).join(' ');
  return {
    status: outcome.status,
    body: outcome.body,
    operation,
    cost: outcome.cost,
    mutated: outcome.mutated,
  };
}

/** The server's own control routes: the request log and the shop reset. */
function coreControlRoutes(app: EmulatorApp): ControlRoute[] {
  return [
    { method: 'GET', path: '/__emulator/log', handle: () => ({ status: 200, body: app.log.list() }) },
    {
      method: 'POST',
      path: '/__emulator/log/reset',
      handle: () => {
        app.log.reset();
        return { status: 200, body: { ok: true } };
      },
    },
    {
      method: 'POST',
      path: '/__emulator/reset',
      handle: () => {
        app.resetShop();
        app.afterMutation();
        return { status: 200, body: { ok: true } };
      },
    },
  ];
}

async function control(app: EmulatorApp, method: string, url: URL, raw: string): Promise<Reply> {
  for (const route of [...coreControlRoutes(app), ...(app.controls ?? [])]) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, url.pathname);
    if (!params) continue;
    const body = raw ? safeJson(raw) : undefined;
    return route.handle({ path: url.pathname, params, query: url.searchParams, body });
  }
  return { status: 404, body: NOT_FOUND_BODY };
}

function matchPath(pattern: string | RegExp, path: string): string[] | null {
  if (typeof pattern === 'string') return pattern === path ? [] : null;
  const match = pattern.exec(path);
  return match ? match.slice(1).map((group) => group ?? '') : null;
}

function fromSearch(params: URLSearchParams): GraphqlCall {
  const variables = params.get('variables');
  return {
    query: params.get('query') ?? undefined,
    variables: variables ? safeJson(variables) : undefined,
    operationName: params.get('operationName') ?? undefined,
  };
}

function toCall(value: unknown): GraphqlCall {
  return typeof value === 'object' && value !== null ? (value as GraphqlCall) : {};
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, reply: Reply, error?: unknown): void {
  if (error) console.error('[emulator]', error);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  if (reply.file)
    createReadStream(reply.file)
      .on('error', () => res.destroy())
      .pipe(res);
  else res.end(JSON.stringify(reply.body));
}
