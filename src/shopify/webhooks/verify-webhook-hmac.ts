import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body keyed with the
 * app's secret (shopify.dev "Verify webhooks"). The raw bytes, not re-serialised JSON: any
 * difference in spacing or key order changes the digest. Compared in constant time so that the
 * answer's timing does not tell a forger how many leading characters were right; a header of
 * another length is a mismatch (timingSafeEqual throws on unequal lengths).
 */
export function verifyWebhookHmac(rawBody: Buffer, hmacHeader: string | undefined, secret: string): boolean {
  if (hmacHeader === undefined || hmacHeader === '') return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('base64'), 'utf8');
  const given = Buffer.from(hmacHeader, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
