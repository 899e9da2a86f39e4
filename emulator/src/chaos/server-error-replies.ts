import { randomUUID } from 'node:crypto';

/**
 * Shopify's answers to an internal failure, as injected by chaos: GraphQL's
 * `INTERNAL_SERVER_ERROR` error with a request id (as Shopify's clients see it), REST's bare
 * `{"errors":"Internal Server Error"}`. Both HTTP 500.
 */
export function serverErrorReply(api: 'graphql' | 'rest') {
  if (api === 'rest') return { status: 500, body: { errors: 'Internal Server Error' } };
  const requestId = randomUUID();
  return {
    status: 500,
    body: {
      errors: [
        {
          message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`,
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ],
    },
  };
}
