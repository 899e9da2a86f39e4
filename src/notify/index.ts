/**
 * Failure emails (seed 000): a refund or an order that cannot be processed stays imported with
 * its error, is retried on the next sync, and the shop's notificationEmail gets one email about
 * it. Wire it from the runtime configuration:
 *
 *   createNotifier({ smtpUrl: config.STOREBRIDGE_SMTP_URL, mailFrom: config.STOREBRIDGE_MAIL_FROM, logger })
 */
export {
  createNotifier,
  type Notifier,
  type NotifierConfig,
  type NotifyResult,
  type SkipReason,
} from './create-notifier.ts';
export type { NotifiedShop, OrderImportFailure, RefundFailure } from './failure-email.ts';
export {
  inMemoryNotificationLog,
  orderNotificationKey,
  refundNotificationKey,
  type NotificationLog,
} from './notification-log.ts';
