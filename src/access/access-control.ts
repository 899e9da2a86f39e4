import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { recordAudit } from './audit.ts';
import { authorize } from './authorize.ts';
import { actorOf } from './http-authentication.ts';
import { redacted } from './redact.ts';
import type { Action } from './roles.ts';

/**
 * The permission a route needs: its declared `config.permission`, else `read` for GET/HEAD and
 * `shop.configure` for anything else, so a route that forgot to declare errs on the side of
 * refusing (issue 8 item 1).
 */
export function permissionOf(request: FastifyRequest): Action {
  const declared = request.routeOptions.config.permission;
  if (declared) return declared;
  return isRead(request.method) ? 'read' : 'shop.configure';
}

/**
 * Every /api/ route but /api/session (signing in), in one place: no valid key or session -> 401 `unauthenticated`; a role that may not do
 * the route's permission -> 403 `forbidden` before the handler runs, so nothing is done, and a
 * refused write is audited (outcome refused). `/webhooks/shopify` (HMAC-checked), `/health`,
 * `/ready` and `/metrics` are not under /api/ and stay open. Installed by buildServer after
 * installAuthentication, which resolves the key; the check runs in preValidation so the audit
 * keeps the body as the user sent it and a refusal comes before any schema complaint.
 */
export function installAccessControl(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onRequest', async (request) => {
    if (!isApi(request) || isOpen(request)) return;
    actorOf(request); // 401 before the body is even read
  });
  app.addHook('preValidation', async (request) => {
    if (!isApi(request) || isOpen(request)) return;
    const actor = actorOf(request);
    const permission = permissionOf(request);
    try {
      authorize(actor, permission);
    } catch (error) {
      if (!isRead(request.method)) {
        const params = (request.params ?? {}) as Record<string, unknown>;
        await recordAudit(db, {
          actor,
          action: permission,
          shopCode: typeof params.code === 'string' ? params.code : undefined,
          target: `${request.method} ${request.routeOptions.url ?? pathOf(request.url)}`,
          request: redacted({
            method: request.method,
            url: request.url,
            params: request.params,
            body: request.body,
          }),
          outcome: 'refused',
          shopifyAnswer: undefined,
        });
      }
      throw error;
    }
  });
}

/** Signing in and out (`/api/session`) is what a person without credentials may do. */
function isOpen(request: FastifyRequest): boolean {
  return request.routeOptions.config.open === true;
}

/** An /api/ request by its matched route or, for an unknown route, by its path. */
function isApi(request: FastifyRequest): boolean {
  return (request.routeOptions.url ?? '').startsWith('/api/') || pathOf(request.url).startsWith('/api/');
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? '';
}

function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}
