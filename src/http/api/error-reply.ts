import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../shared/errors.ts';
import {
  ShopifyAuthError,
  ShopifyQueryError,
  ShopifyThrottledError,
  ShopifyUnavailableError,
} from '../../shopify/index.ts';

/** The body of every API failure: a stable code a script can branch on, and a message for a person. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: readonly { path: string; message: string }[] };
}

export interface ErrorReply {
  status: number;
  body: ErrorBody;
  /** Seconds, when the caller should come back later (Shopify's bucket, an outage). */
  retryAfterSeconds?: number;
}

/**
 * Maps a thrown error to an HTTP answer. Typed errors keep their code; the status says whose
 * move it is: 400/404/409 the caller's, 502 Shopify refused what we sent (our credentials or
 * query, not the caller's), 503 Shopify is busy or away and the same request will work later.
 * Anything untyped is a bug: 500 with a generic message, the details only in the log.
 */
export function errorReply(error: unknown): ErrorReply {
  if (error instanceof ShopifyThrottledError) {
    return { ...reply(503, error), retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) };
  }
  if (error instanceof ShopifyUnavailableError) {
    const retryAfter =
      error.retryAfterMs === null ? {} : { retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) };
    return { ...reply(503, error), ...retryAfter };
  }
  if (error instanceof ShopifyAuthError || error instanceof ShopifyQueryError) return reply(502, error);
  if (error instanceof ValidationError) {
    return {
      status: 400,
      body: { error: { code: error.code, message: error.message, issues: error.issues } },
    };
  }
  if (error instanceof UnauthenticatedError) return reply(401, error);
  if (error instanceof ForbiddenError) return reply(403, error);
  if (error instanceof NotFoundError) return reply(404, error);
  if (error instanceof ConflictError) return reply(409, error);
  if (error instanceof AppError) return reply(error.retryable ? 503 : 422, error);
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Internal error; see the server log' } },
  };
}

function reply(status: number, error: AppError): ErrorReply {
  return { status, body: { error: { code: error.code, message: error.message } } };
}
