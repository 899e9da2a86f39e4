import { receiveWebhook, receiveWebhookGroup } from './receive-webhook-group.ts';
import { type ReceiptOutcome, type ReceiveWebhookDeps, type VerifiedDelivery } from './receive-webhook.ts';

/** Takes verified deliveries; each promise settles once its receipt and job are committed. */
export interface WebhookReceiver {
  receive(verified: VerifiedDelivery): Promise<ReceiptOutcome>;
  /** Deliveries waiting for the next group (for tests and diagnostics). */
  readonly waiting: number;
}

export interface GroupCommitOptions {
  /** Deliveries written together at most (Default: 64). */
  maxGroup?: number;
  /**
   * Group transactions written at once (Default: 1). More only helps a store with several
   * connections (PostgreSQL); PGlite writes one transaction at a time whatever this says.
   */
  maxInFlight?: number;
}

interface Waiting {
  verified: VerifiedDelivery;
  resolve: (outcome: ReceiptOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the webhook receiver. Deliveries that come while a group is being written, or
 * in the same turn of the event loop, wait and are then written together, up to `maxGroup`, in
 * one transaction (receive-webhook-group.ts); one that finds nothing in flight waits one turn of
 * the loop at most (`setImmediate`). The group's size follows the load by itself, and a
 * transaction's fixed cost (BEGIN/COMMIT, the stale query, pg-boss's insert: most of a delivery's
 * ~2.6 ms on PGlite's one serialised connection) is shared by the whole group. Each delivery is
 * answered only after its group committed.
 *
 * A group whose transaction fails is written again one delivery at a time (`receiveWebhook`):
 * a delivery that cannot be stored gets its 5xx (Shopify retries it) and the others their 200.
 */
export function groupCommitReceiver(
  deps: ReceiveWebhookDeps,
  options: GroupCommitOptions = {},
): WebhookReceiver {
  const { maxGroup = 64, maxInFlight = 1 } = options;
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function start(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = queue.splice(0, maxGroup);
      inFlight += 1;
      void writeGroup(deps, group).finally(() => {
        inFlight -= 1;
        schedule();
      });
    }
  }

  /**
   * Starts the next group once the event loop has read what is readable: PGlite runs a whole
   * transaction in promise callbacks, without a turn of the loop, so deliveries already on their
   * sockets are only parsed after it; started at once, every group would be one delivery.
   */
  function schedule(): void {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    if (queue.length >= maxGroup) return start();
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      start();
    });
  }

  return {
    receive(verified) {
      return new Promise<ReceiptOutcome>((resolve, reject) => {
        queue.push({ verified, resolve, reject });
        schedule();
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** Never throws: every delivery of the group is settled, one way or the other. */
async function writeGroup(deps: ReceiveWebhookDeps, group: readonly Waiting[]): Promise<void> {
  let outcomes: ReceiptOutcome[];
  try {
    outcomes = await receiveWebhookGroup(
      deps,
      group.map((waiting) => waiting.verified),
    );
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    return writeOneByOne(deps, group);
  }
  group.forEach((waiting, i) => waiting.resolve(outcomes[i]!));
}

/**
 * The fallback: each delivery in its own transaction, in arrival order (so duplicates and stale
 * ones are judged as in the group), one after the other (on PGlite they queue for the connection
 * anyway, and a failing database is not hammered with the whole group at once).
 */
async function writeOneByOne(deps: ReceiveWebhookDeps, group: readonly Waiting[]): Promise<void> {
  for (const waiting of group) {
    try {
      waiting.resolve(await receiveWebhook(deps, waiting.verified));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
