import { AppError, ConfigurationError } from '../shared/errors.ts';
import {
  syncWebhookSubscriptions,
  type WebhookSyncDeps,
  type WebhookSyncReport,
} from './sync-webhook-subscriptions.ts';

/** What became of the shop's webhook subscriptions after its auto sync setting was changed. */
export type WebhookFollowUp =
  /** Subscribed (auto sync on) or unsubscribed (off), as `webhooks sync` does. */
  | { kind: 'synced'; report: WebhookSyncReport }
  /** Switched on, nothing done: no public address known; `webhooks sync --address <url>` does it. */
  | { kind: 'no_public_url'; message: string }
  /** Shopify or the connection refused; the setting is saved, `webhooks sync` retries. */
  | { kind: 'failed'; code: string; message: string };

/**
 * Keeps Shopify's webhook subscriptions in step with the shop's auto sync setting (seed 002
 * "Auto Sync Orders": the job queue takes over, and webhooks are how Shopify's changes reach
 * it): when `autoSyncOrders` was among the changed settings, the subscriptions are made the wanted
 * set at once, as `webhooks sync` does. Switched on, that needs the address Shopify reaches the
 * service at (STOREBRIDGE_PUBLIC_URL); without it nothing is guessed and the answer says how to
 * do it. A failure does not undo the saved setting: it is reported, and `webhooks sync`
 * (idempotent) finishes the job.
 */
export async function followAutoSyncWithWebhooks(
  deps: WebhookSyncDeps,
  shopCode: string,
  changed: readonly string[],
  publicUrl: string | undefined,
): Promise<WebhookFollowUp | null> {
  if (!changed.includes('autoSyncOrders')) return null;
  const address = publicUrl?.trim() ? publicUrl : undefined;
  try {
    // Switched off, no address is needed: ours are removed wherever they point.
    return { kind: 'synced', report: await syncWebhookSubscriptions(deps, shopCode, { publicUrl: address }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (address === undefined && error instanceof ConfigurationError) {
      return {
        kind: 'no_public_url',
        message:
          'Webhook subscriptions not changed: STOREBRIDGE_PUBLIC_URL is not set; ' +
          `run \`storebridge webhooks sync --shop ${shopCode} --address <https url>\``,
      };
    }
    deps.logger?.warn(
      { shopCode, code: error.code },
      'webhook subscriptions not synced after auto sync change',
    );
    return { kind: 'failed', code: error.code, message: error.message };
  }
}

/** One line for the CLI and the UI. */
export function webhookFollowUpLine(followUp: WebhookFollowUp): string {
  switch (followUp.kind) {
    case 'synced':
      return `Webhook subscriptions: ${followUp.report.summary}`;
    case 'no_public_url':
      return followUp.message;
    case 'failed':
      return `Webhook subscriptions not synced (${followUp.code}): ${followUp.message}; run \`storebridge webhooks sync\` again`;
  }
}
