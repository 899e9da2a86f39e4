import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Secrets and personal data are redacted wherever they appear under
 * these keys, at any depth we log (settings, webhook headers, request bodies).
 */
export const redactedPaths = [
  'accessToken',
  'clientSecret',
  'webhookSecret',
  'password',
  'token',
  'authorization',
  '*.accessToken',
  '*.clientSecret',
  '*.webhookSecret',
  '*.password',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-shopify-access-token"]',
  'req.headers["x-api-key"]',
  '*.secrets',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { service: 'storebridge' } },
    destination,
  );
}

export type { Logger };
