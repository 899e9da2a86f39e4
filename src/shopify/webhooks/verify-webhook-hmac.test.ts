import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookHmac } from '../../../emulator/src/webhooks/sign-webhook.ts';
import { verifyWebhookHmac } from './verify-webhook-hmac.ts';

const secret = 'shpss_test_secret';
const body = '{"id":450789469,"email":"bob.norman@mail.example.com"}';
const signed = webhookHmac(body, secret);
const hex = createHmac('sha256', secret).update(body).digest('hex');

// shopify.dev "Verify webhooks": base64 HMAC-SHA256 of the raw body with the app's secret.
const cases: { name: string; body: string; header: string | undefined; secret: string; valid: boolean }[] = [
  { name: 'signed by the emulator as Shopify signs', body, header: signed, secret, valid: true },
  {
    name: 'body changed by one byte',
    body: body.replace('469', '468'),
    header: signed,
    secret,
    valid: false,
  },
  {
    name: 'body re-serialised with spaces',
    body: body.replace(':', ': '),
    header: signed,
    secret,
    valid: false,
  },
  { name: 'another secret', body, header: signed, secret: 'other', valid: false },
  { name: 'no header', body, header: undefined, secret, valid: false },
  { name: 'empty header', body, header: '', secret, valid: false },
  { name: 'too short (one character less)', body, header: signed.slice(1), secret, valid: false },
  { name: 'too long (one character more)', body, header: `${signed}=`, secret, valid: false },
  { name: 'hex instead of base64', body, header: hex, secret, valid: false },
  { name: 'last character changed', body, header: signed.slice(0, -2) + 'A=', secret, valid: false },
  { name: 'non-ASCII header', body, header: 'é'.repeat(22), secret, valid: false },
];

describe('verifyWebhookHmac', () => {
  it.each(cases)('$name -> $valid', ({ body, header, secret, valid }) => {
    expect(verifyWebhookHmac(Buffer.from(body, 'utf8'), header, secret)).toBe(valid);
  });

  it('checks the raw bytes, so a body that is not UTF-8 text still verifies', () => {
    const raw = Buffer.from([0xff, 0x00, 0x7b]);
    const header = createHmac('sha256', secret).update(raw).digest('base64');
    expect(verifyWebhookHmac(raw, header, secret)).toBe(true);
  });
});
