import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Secrets and personal data are redacted wherever they appear under
 * these keys, at any depth we log (settings, webhook headers, request bodies).
 */
const secretKeys = [
  'accessToken',
  'clientSecret',
  'webhookSecret',
  'password',
  'token',
  'authorization',
  'secrets',
];

/** pino's `*` reaches one level, so each key is listed at the depths we log objects (up to three). */
export const redactedPaths = [
  ...secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  'req.headers["x-shopify-access-token"]',
  'req.headers["x-api-key"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { service: 'storebridge' } },
    destination,
  );
}

export type { Logger };
