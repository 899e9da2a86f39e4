/**
 * Which failures have been emailed, so that a failure retried at every sync (seed 000) is
 * emailed once, not every minute. The key is one (shop, refund or order, error code).
 *
 * The default remembers for this process only: after a restart each failure that is still there
 * is emailed once more. A caller that wants "once, ever" persists the keys, for example on the
 * failed row itself (the error code it last notified), and passes its own log.
 */
export interface NotificationLog {
  /** True when an email for this key has been sent. */
  alreadyNotified(key: string): boolean | Promise<boolean>;
  /** Called after an email for this key was accepted by the SMTP server; never after a failed send. */
  recordNotified(key: string): void | Promise<void>;
}

export function inMemoryNotificationLog(): NotificationLog {
  const sent = new Set<string>();
  return {
    alreadyNotified: (key) => sent.has(key),
    recordNotified: (key) => void sent.add(key),
  };
}

/** One key per shop, document and error: a new error on the same refund is emailed again. */
export function refundNotificationKey(shopCode: string, shopifyRefundId: string, code: string): string {
  return JSON.stringify(['refund', shopCode, shopifyRefundId, code]);
}

export function orderNotificationKey(shopCode: string, shopifyOrderId: string, code: string): string {
  return JSON.stringify(['order', shopCode, shopifyOrderId, code]);
}
