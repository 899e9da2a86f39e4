import { createTransport } from 'nodemailer';
import { ConfigurationError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import {
  orderImportFailedEmail,
  refundFailedEmail,
  type FailureEmail,
  type NotifiedShop,
  type OrderImportFailure,
  type RefundFailure,
} from './failure-email.ts';
import {
  inMemoryNotificationLog,
  orderNotificationKey,
  refundNotificationKey,
  type NotificationLog,
} from './notification-log.ts';

export interface NotifierConfig {
  /** `smtp://user:pass@host:587` or `smtps://…` (STOREBRIDGE_SMTP_URL). Default: unset, and nothing is sent. */
  smtpUrl?: string | undefined;
  /** The From address (STOREBRIDGE_MAIL_FROM). Default: unset; required with smtpUrl. */
  mailFrom?: string | undefined;
  logger: Logger;
  /** Which failures were emailed already. Default: in memory, for this process only (notification-log.ts). */
  notificationLog?: NotificationLog | undefined;
  /** Milliseconds to wait for the connection, the greeting and each reply. Default 10,000. */
  timeoutMs?: number | undefined;
}

export type SkipReason = 'smtp_not_configured' | 'no_notification_email' | 'already_notified';

/** An expected outcome, never thrown: a failed email must not fail the import that reported it. */
export type NotifyResult =
  | { status: 'sent'; messageId: string }
  | { status: 'skipped'; reason: SkipReason }
  /** `reason` is the SMTP client's error code and message, with the SMTP password removed. */
  | { status: 'failed'; reason: string };

export interface Notifier {
  /** Emails the shop's notificationEmail that a refund could not be processed (seed 000). */
  refundFailed(failure: RefundFailure): Promise<NotifyResult>;
  /** Emails the shop's notificationEmail that an order could not be imported. */
  orderImportFailed(failure: OrderImportFailure): Promise<NotifyResult>;
}

/**
 * A notifier that emails failures over SMTP, one email per (shop, refund or order, error code).
 * Without an SMTP URL it sends nothing and says so in the log. Its methods never throw.
 */
export function createNotifier(config: NotifierConfig): Notifier {
  const { logger } = config;
  const notificationLog = config.notificationLog ?? inMemoryNotificationLog();
  const send = config.smtpUrl
    ? smtpSender(config.smtpUrl, config.mailFrom, config.timeoutMs ?? 10_000)
    : undefined;
  const inFlight = new Set<string>();
  const skipsLogged = new Set<string>();

  async function notify(shop: NotifiedShop, key: string, email: () => FailureEmail): Promise<NotifyResult> {
    const context = { shop: shop.code, notification: key };
    const skipped = (reason: SkipReason, explanation: string): NotifyResult => {
      // Logged once per failure at info; the same failure at every later sync only at debug.
      const level = skipsLogged.has(`${reason} ${key}`) ? 'debug' : 'info';
      skipsLogged.add(`${reason} ${key}`);
      logger[level]({ ...context, reason }, `failure email not sent: ${explanation}`);
      return { status: 'skipped', reason };
    };
    if (!send) return skipped('smtp_not_configured', 'STOREBRIDGE_SMTP_URL is not set');
    if (!shop.notificationEmail) return skipped('no_notification_email', 'the shop has no notificationEmail');
    if (inFlight.has(key)) return { status: 'skipped', reason: 'already_notified' };
    inFlight.add(key);
    try {
      if (await notificationLog.alreadyNotified(key))
        return { status: 'skipped', reason: 'already_notified' };
      const messageId = await send.mail(shop.notificationEmail, email());
      await notificationLog.recordNotified(key);
      logger.info({ ...context, messageId }, 'failure email sent');
      return { status: 'sent', messageId };
    } catch (error) {
      const reason = send.redact(describe(error));
      logger.warn({ ...context, smtpServer: send.server, error: reason }, 'failure email could not be sent');
      return { status: 'failed', reason };
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    refundFailed: (failure) =>
      notify(
        failure.shop,
        refundNotificationKey(failure.shop.code, failure.shopifyRefundId, failure.code),
        () => refundFailedEmail(failure),
      ),
    orderImportFailed: (failure) =>
      notify(
        failure.shop,
        orderNotificationKey(failure.shop.code, failure.shopifyOrderId, failure.code),
        () => orderImportFailedEmail(failure),
      ),
  };
}

interface SmtpSender {
  /** host:port, what the log may show of the URL. */
  server: string;
  mail(to: string, email: FailureEmail): Promise<string>;
  /** Removes the SMTP password from a text that is about to be logged or returned. */
  redact(text: string): string;
}

function smtpSender(smtpUrl: string, mailFrom: string | undefined, timeoutMs: number): SmtpSender {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new ConfigurationError('STOREBRIDGE_SMTP_URL: must be an smtp:// or smtps:// URL');
  }
  if (!mailFrom)
    throw new ConfigurationError('STOREBRIDGE_MAIL_FROM: is required when STOREBRIDGE_SMTP_URL is set');
  const secrets = [url.password, safeDecode(url.password)].filter((secret) => secret.length > 0);
  // One connection per email (no pool): failures are rare, and nothing stays open between syncs.
  const transport = createTransport(
    { url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs },
    { from: mailFrom },
  );
  return {
    server: url.port ? `${url.hostname}:${url.port}` : url.hostname,
    async mail(to, email) {
      const info = await transport.sendMail({ to, subject: email.subject, text: email.text });
      return info.messageId;
    },
    redact: (text) => secrets.reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text),
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
