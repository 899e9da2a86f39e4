import { z } from 'zod';
import { currencyCode, secretText, timeZone } from './settings-fields.ts';

/** Which shop this is and how storebridge reaches its Admin API. */
export const connectionSettings = {
  /** The shop's code in storebridge, 1-20 of [A-Za-z0-9_-]; fixed once added. Required, no default. */
  code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be 1-20 characters of A-Z, a-z, 0-9, _ and -'),
  /** A name people recognise ("EU web store"). Default: the code. */
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
  /** The shop's permanent `<name>.myshopify.com` domain (not a custom domain); fixed once added. Required. */
  shopifyDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be a <shop>.myshopify.com domain'),
  /** Base URL that replaces `https://<shopifyDomain>`, for the local emulator. Default: unset. */
  endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /**
   * How storebridge authenticates: an Admin API `accessToken` (custom app), or the app's
   * `clientId` + `clientSecret` (client credentials grant). Required: one of the two.
   * The token and the client secret are encrypted at rest and never printed.
   */
  credentials: z.strictObject({
    /** Admin API access token (`shpat_…`). Default: unset. */
    accessToken: secretText.optional(),
    /** The app's client id (not a secret). Default: unset. */
    clientId: z.string().trim().min(1, 'must not be empty').optional(),
    /** The app's client secret. Default: unset. */
    clientSecret: secretText.optional(),
  }),
  /** Admin API version, YYYY-MM; Shopify releases one a quarter. Default "2025-01". */
  apiVersion: z
    .string()
    .regex(
      /^\d{4}-(01|04|07|10)$/,
      'must be a Shopify API version YYYY-MM (released quarterly: -01, -04, -07, -10)',
    )
    .default('2025-01'),
  /**
   * Secret that signs webhooks (X-Shopify-Hmac-Sha256). Default: unset, in which case webhooks
   * are verified with credentials.clientSecret, which is what Shopify signs with for an app.
   */
  webhookSecret: secretText.optional(),
  /**
   * The shop's store currency (Shopify "Store details"), ISO 4217. Default: unset, meaning the
   * same as localCurrency. Seed 002: leave it empty when the shop sells in the local currency.
   */
  shopCurrency: currencyCode.optional(),
  /** The back office's own (local) currency, ISO 4217. Default "USD". */
  localCurrency: currencyCode.default('USD'),
  /**
   * IANA time zone used to turn Shopify's UTC timestamps into document dates (seed 002, "Time
   * zone consideration"). Default "UTC".
   */
  timeZone: timeZone.default('UTC'),
  /**
   * Where a refund or order that fails to import is emailed, once per error, while it waits for
   * the next sync (seed 000: "Notification Email" on the cart). Needs STOREBRIDGE_SMTP_URL.
   * Default: unset, and nothing is emailed.
   */
  notificationEmail: z.email('must be an email address').optional(),
};
