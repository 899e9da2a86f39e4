export { addShop, quickShopInput } from './add-shop.ts';
export { getShopConnection, type ShopConnection } from './get-shop-connection.ts';
export { shopifyClientFor } from './shopify-client-for.ts';
export { listShops, type ShopSummary } from './list-shops.ts';
export { readShopFile } from './read-shop-file.ts';
export { setShopSetting } from './set-shop-setting.ts';
export { showShop } from './show-shop.ts';
export { Secret } from './secret.ts';
export { SecretsUnreadableError } from './secret-box.ts';
export type { ShopDeps } from './shop-codec.ts';
export type { PublicShopSettings } from './shop-secrets.ts';
export { settingLines, type ShopView } from './shop-view.ts';
export { matchesChannelFilter, matchesTagFilters, matchesTextFilter } from './order-filters.ts';
export {
  parseShopSettings,
  shopSettingsSchema,
  type ShopSettings,
  type ShopSettingsInput,
} from './settings.ts';
export {
  syncWebhookSubscriptions,
  type WebhookSyncDeps,
  type WebhookSyncOptions,
  type WebhookSyncReport,
} from './sync-webhook-subscriptions.ts';
export {
  planWebhookSubscriptions,
  wantedWebhookTopics,
  webhookReceiverPath,
  type SubscriptionPlan,
} from './webhook-subscription-plan.ts';
export { registerShopRoutes, type ShopRoutesDeps } from './http-routes.ts';
export {
  webhookSubscriptionStatus,
  type SubscriptionStatus,
  type WebhookSubscriptionStatus,
} from './webhook-status.ts';
export { testShopConnection, type ConnectionTestResult } from './test-connection.ts';
export { followAutoSyncWithWebhooks, webhookFollowUpLine, type WebhookFollowUp } from './follow-auto-sync.ts';
