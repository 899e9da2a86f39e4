import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { errorReply } from './error-reply.ts';

/**
 * Every route answers failures in one shape, `{ error: { code, message } }`: typed errors through
 * errorReply(), Fastify's own schema and body-parsing failures as `validation_failed` naming the
 * field, and unknown routes as `not_found`.
 */
export function installApiErrorHandling(
  app: FastifyInstance,
  logger: Logger,
  /** Answers an unknown path instead of the JSON 404 when it returns a reply (the web UI's pages). */
  fallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = errorReply(fromFastify(error));
    if (mapped.status >= 500) logger.error({ err: error, url: request.url }, 'request failed');
    else logger.debug({ code: mapped.body.error.code, url: request.url }, 'request refused');
    if (mapped.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(mapped.retryAfterSeconds));
    return reply.code(mapped.status).send(mapped.body);
  });
  app.setNotFoundHandler(
    (request, reply) =>
      fallback?.(request, reply) ??
      reply.code(404).send({
        error: {
          code: 'not_found',
          message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
        },
      }),
  );
}

/** Fastify's validation (schema) and content errors are the caller's bad input, not a bug. */
function fromFastify(error: FastifyError): unknown {
  if (error.validation) {
    const issues = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)]
        .filter(Boolean)
        .join('.'),
      message: issue.message ?? 'is invalid',
    }));
    return new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new ValidationError(`request: ${error.message}`);
  }
  return error;
}
