/**
 * The text of a failure email (seed 000: "If the refund fails to import from Shopify, an email
 * will be sent to the account email address that is set in the Notification Email field").
 * Pure: a failure in, a subject and a plain-text body out.
 */

/** The shop as the notifier needs it; `ShopSettings` fits as is. */
export interface NotifiedShop {
  code: string;
  /** Default: the code. */
  name?: string | undefined;
  /** The shop setting `notificationEmail`. Default: unset, and nothing is sent. */
  notificationEmail?: string | undefined;
}

/** What went wrong, as the failed row keeps it (code, message, attempts). */
interface Failure {
  shop: NotifiedShop;
  /** The order's name in Shopify, "#1001" (not unique across shops). */
  shopifyOrderName: string;
  shopifyOrderId: string;
  /** The error's stable code, e.g. `item_not_mapped`. */
  code: string;
  /** The error's message; it names the ids involved and what is missing. */
  message: string;
  /** How many times it has failed so far, this time included. */
  attempts: number;
  /** What the operator should do, when the caller knows better than the message. Default: do what the message names. */
  fix?: string | undefined;
}

/** A refund that stays imported with its error and is retried on the next sync. */
export interface RefundFailure extends Failure {
  shopifyRefundId: string;
}

/** An order to import that stays staged with its error and is retried on the next sync. */
export type OrderImportFailure = Failure;

export interface FailureEmail {
  subject: string;
  text: string;
}

export function refundFailedEmail(failure: RefundFailure): FailureEmail {
  const order = orderLabel(failure);
  return {
    subject: oneLine(
      `[storebridge] ${shopLabel(failure.shop)}: refund of order ${order} could not be processed`,
    ),
    text: body(
      failure,
      `storebridge could not process refund ${failure.shopifyRefundId} of order ${order} (${failure.shopifyOrderId}) in shop ${shopFullLabel(failure.shop)}.`,
      'The refund stays imported with this error and no documents were created for it.',
      'storebridge tries the refund again on the next sync; once the cause is fixed it is processed without anything else to do.',
    ),
  };
}

export function orderImportFailedEmail(failure: OrderImportFailure): FailureEmail {
  const order = orderLabel(failure);
  return {
    subject: oneLine(`[storebridge] ${shopLabel(failure.shop)}: order ${order} could not be imported`),
    text: body(
      failure,
      `storebridge could not import order ${order} (${failure.shopifyOrderId}) in shop ${shopFullLabel(failure.shop)}.`,
      'The order stays in the orders to import with this error and no documents were created for it.',
      'storebridge tries the order again on the next sync; once the cause is fixed it is imported without anything else to do.',
    ),
  };
}

function body(failure: Failure, what: string, state: string, retry: string): string {
  const fix =
    failure.fix ??
    'Fix what the message names (for example map the item, add the G/L account or correct the shop setting) in storebridge.';
  return [
    what,
    '',
    `Error code: ${failure.code}`,
    `Message: ${failure.message}`,
    `Attempts so far: ${failure.attempts}`,
    '',
    `What to do: ${fix}`,
    '',
    `${state} ${retry}`,
    '',
    'storebridge emails each error once, not at every retry.',
    '',
  ].join('\n');
}

/** Shopify order names carry their "#"; an order without one is shown by its name as it is. */
function orderLabel(failure: Failure): string {
  return failure.shopifyOrderName || failure.shopifyOrderId;
}

function shopLabel(shop: NotifiedShop): string {
  return shop.name ?? shop.code;
}

function shopFullLabel(shop: NotifiedShop): string {
  return shop.name && shop.name !== shop.code ? `"${shop.name}" (${shop.code})` : shop.code;
}

/** A header is one line: names from Shopify or a shop file must not add headers or break the subject. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
