import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { ShopState } from './domain/index.ts';
import { executeGraphql, type GraphqlCall } from './graphql/execute-graphql.ts';
import { mutationRoot } from './graphql/roots/mutation-root.ts';
import { queryRoot } from './graphql/roots/query-root.ts';
import type { RequestLog } from './log/request-log.ts';

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
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

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
      .then((reply) => send(res, reply))
      .catch((error: unknown) =>
        send(res, { status: 500, body: { errors: 'Internal Server Error' } }, error),
      );
  });
}

async function handle(app: EmulatorApp, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  if (url.pathname.startsWith('/__emulator/')) return control(app, method, url.pathname);
  const match = adminPath.exec(url.pathname);
  const started = performance.now();
  const reply = await admin(app, req, method, url, raw, match);
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
  cost?: { requested: number; actual: number } | null;
  mutated?: boolean;
}

async function admin(
  app: EmulatorApp,
  req: IncomingMessage,
  method: string,
  url: URL,
  raw: string,
  match: RegExpExecArray | null,
): Promise<AdminReply> {
  const version = match?.[1];
  const resource = match?.[2];
  if (!version || !resource || !versionPattern.test(version)) return { status: 404, body: NOT_FOUND_BODY };
  if (req.headers['x-shopify-access-token'] !== app.token) return { status: 401, body: INVALID_TOKEN_BODY };
  const headers = { 'x-shopify-api-version': version };
  if (resource === 'graphql.json') {
    if (method !== 'POST' && method !== 'GET') return { status: 404, body: NOT_FOUND_BODY, headers };
    return { ...(await graphql(app, req, method === 'GET' ? fromSearch(url.searchParams) : raw)), headers };
  }
  if (!app.rest) return { status: 404, body: NOT_FOUND_BODY, headers };
  const body = raw ? safeJson(raw) : undefined;
  const restReply = app.rest(app.state, { method, path: url.pathname, query: url.searchParams, body });
  return { ...restReply, headers: { ...headers, ...restReply.headers }, mutated: method !== 'GET' };
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
  const outcome = await executeGraphql(app.schema, call, {
    query: () => queryRoot(app.state),
    mutation: () => mutationRoot(app.state),
  });
  const operation = [outcome.operationType, outcome.operationName].filter(Boolean).join(' ');
  return {
    status: outcome.status,
    body: outcome.body,
    operation,
    cost: outcome.cost,
    mutated: outcome.mutated,
  };
}

function control(app: EmulatorApp, method: string, path: string): Reply {
  if (method === 'GET' && path === '/__emulator/log') return { status: 200, body: app.log.list() };
  if (method === 'POST' && path === '/__emulator/log/reset') {
    app.log.reset();
    return { status: 200, body: { ok: true } };
  }
  if (method === 'POST' && path === '/__emulator/reset') {
    app.resetShop();
    app.afterMutation();
    return { status: 200, body: { ok: true } };
  }
  return { status: 404, body: NOT_FOUND_BODY };
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
  res.end(JSON.stringify(reply.body));
}
