import type { CatalogueEntry } from './settings-catalogue-types.ts';

/** The shop card's "Connection" section: label, help and master data of each setting. */
export const connectionCatalogue: Record<string, CatalogueEntry> = {
  code: {
    group: 'connection',
    label: 'Code',
    help: "The shop's code in storebridge, 1-20 of [A-Za-z0-9_-]; fixed once added. Required, no default.",
  },
  name: {
    group: 'connection',
    label: 'Name',
    help: 'A name people recognise ("EU web store"). Default: the code.',
  },
  shopifyDomain: {
    group: 'connection',
    label: 'Shopify domain',
    help: "The shop's permanent `<name>.myshopify.com` domain (not a custom domain); fixed once added. Required.",
  },
  endpoint: {
    group: 'connection',
    label: 'Endpoint (emulator)',
    help: 'Base URL that replaces `https://<shopifyDomain>`, for the local emulator. Default: unset.',
  },
  'credentials.accessToken': {
    group: 'connection',
    label: 'Admin API access token',
    help: 'Admin API access token (`shpat_…`). Default: unset.',
  },
  'credentials.clientId': {
    group: 'connection',
    label: 'Client id',
    help: "The app's client id (not a secret). Default: unset.",
  },
  'credentials.clientSecret': {
    group: 'connection',
    label: 'Client secret',
    help: "The app's client secret. Default: unset.",
  },
  apiVersion: {
    group: 'connection',
    label: 'Admin API version',
    help: 'Admin API version, YYYY-MM; Shopify releases one a quarter. Default "2025-01".',
  },
  webhookSecret: {
    group: 'connection',
    label: 'Webhook secret',
    help: 'Secret that signs webhooks (X-Shopify-Hmac-Sha256). Default: unset, in which case webhooks are verified with credentials.clientSecret, which is what Shopify signs with for an app.',
  },
  shopCurrency: {
    group: 'connection',
    label: 'Shop currency',
    help: 'The shop\'s store currency (Shopify "Store details"), ISO 4217. Default: unset, meaning the same as localCurrency. Leave it empty when the shop sells in the local currency.',
  },
  localCurrency: {
    group: 'connection',
    label: 'Local currency',
    help: 'The back office\'s own (local) currency, ISO 4217. Default "USD".',
  },
  timeZone: {
    group: 'connection',
    label: 'Time zone',
    help: 'IANA time zone used to turn Shopify\'s UTC timestamps into document dates. Default "UTC".',
  },
  notificationEmail: {
    group: 'connection',
    label: 'Notification email',
    help: 'Where a refund or order that fails to import is emailed, once per error, while it waits for the next sync. Needs STOREBRIDGE_SMTP_URL. Default: unset, and nothing is emailed.',
  },
};
