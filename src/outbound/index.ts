/** What the back office sends to Shopify (DESIGN.md "outbound/"), one folder per part. */
export * from './invoice-export/index.ts';
