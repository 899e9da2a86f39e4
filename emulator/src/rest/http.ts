import { NotFound, UserErrors } from '../domain/index.ts';

export interface RestRequest {
  method: string;
  /** e.g. "/admin/api/2025-10/orders/450789469.json" */
  path: string;
  query?: URLSearchParams | Record<string, string | string[] | undefined> | string;
  body?: unknown;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): RestResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
}

/** Shopify's 404 body. */
export function notFound(): RestResponse {
  return ok({ errors: 'Not Found' }, 404);
}

export function unprocessable(errors: unknown): RestResponse {
  return ok({ errors }, 422);
}

export function badRequest(message: string): RestResponse {
  return ok({ errors: message }, 400);
}

/**
 * A domain UserErrors list in Shopify's REST 422 shape: `{"errors": {"quantity": ["cannot
 * refund more items than were purchased"]}}` - keyed by the last named field, message without
 * the attribute prefix the GraphQL message carries; `base` when no field applies.
 */
export function userErrorsBody(error: UserErrors): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const item of error.errors) {
    const named = [...(item.field ?? [])].reverse().find((part) => !/^\d+$/.test(part)) ?? 'base';
    // The resource itself (GraphQL's orderId / id) is REST's `base`, message in full.
    const key = ['id', 'orderId'].includes(named) ? 'base' : named;
    const snake = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    const prefix = snake.replace(/_id$/, '').replace(/_/g, ' ');
    const message = item.message.toLowerCase().startsWith(`${prefix} `)
      ? item.message.slice(prefix.length + 1)
      : item.message;
    (errors[snake] ??= []).push(message);
  }
  return errors;
}

export function toResponse(error: unknown): RestResponse {
  if (error instanceof NotFound) return notFound();
  if (error instanceof UserErrors) return unprocessable(userErrorsBody(error));
  throw error;
}

export function queryParams(query: RestRequest['query']): URLSearchParams {
  if (query === undefined) return new URLSearchParams();
  if (typeof query === 'string') return new URLSearchParams(query);
  if (query instanceof URLSearchParams) return query;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item));
    else if (value !== undefined) params.set(key, value);
  }
  return params;
}
