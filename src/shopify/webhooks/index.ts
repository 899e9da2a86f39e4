export { verifyWebhookHmac } from './verify-webhook-hmac.ts';
export {
  readWebhookHeaders,
  webhookHmacHeader,
  webhookShopDomain,
  type IncomingHeaders,
  type ReadHeadersResult,
  type WebhookDelivery,
} from './webhook-headers.ts';
export {
  parseWebhookPayload,
  webhookOrderRef,
  type WebhookOrderRef,
  type WebhookPayload,
} from './webhook-payload.ts';
