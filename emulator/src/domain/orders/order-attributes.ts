import type { RestOrderInput } from './order-input.ts';

/** Shopify stores tags as a comma-separated list, trimmed, without duplicates. */
export function orderTags(tags: string | string[] | undefined): string[] {
  const list = typeof tags === 'string' ? tags.split(',') : (tags ?? []);
  return [...new Set(list.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}

/** Attributes Shopify echoes back that the emulator does not model. */
const echoedAttributes = [
  'browser_ip',
  'cart_token',
  'checkout_id',
  'checkout_token',
  'client_details',
  'confirmation_number',
  'customer_locale',
  'landing_site',
  'landing_site_ref',
  'po_number',
  'reference',
  'referring_site',
  'source_identifier',
  'source_url',
  'user_id',
  'device_id',
  'app_id',
  'merchant_business_entity_id',
] as const;

export function extraOrderAttributes(input: RestOrderInput): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const key of echoedAttributes) if (input[key] !== undefined) extra[key] = input[key];
  return extra;
}
