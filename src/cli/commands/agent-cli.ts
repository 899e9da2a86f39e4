import { cliActor } from '../../access/index.ts';
import type { OutboundOutcome } from '../../outbound/index.ts';
import type { OutboundDeps } from '../../outbound/index.ts';
import { AppError } from '../../shared/errors.ts';
import { printJson } from '../run-action.ts';
import { withSync } from './orders.ts';

/** An agent command's work with the acting user (`--api-key` or STOREBRIDGE_API_KEY) and the deps. */
export function withAgent(
  apiKey: string | undefined,
  work: (deps: OutboundDeps, actor: Awaited<ReturnType<typeof cliActor>>) => Promise<void>,
): Promise<void> {
  return withSync(async (sync) => work({ sync }, await cliActor(sync.db, apiKey)));
}

/** Shopify refused: its user errors verbatim, exit code 1 (docs/agent-actions.md). */
export class ShopifyRefusedError extends AppError {
  readonly code = 'shopify_refused';
  readonly retryable = false;
}

/** Prints an outcome; a refusal by Shopify is thrown so that the command exits non-zero. */
export function printOutcome<R>(
  outcome: OutboundOutcome<R> & { sync?: unknown },
  json: boolean | undefined,
  line: (result: R) => string,
): void {
  if (!outcome.ok) {
    if (json)
      printJson({
        error: { code: outcome.code, userErrors: outcome.userErrors },
        idempotencyKey: outcome.idempotencyKey,
      });
    throw new ShopifyRefusedError(
      `Shopify refused (key ${outcome.idempotencyKey}): ${outcome.userErrors
        .map((e) => `${(e.field ?? []).join('.') || '-'}: ${e.message}`)
        .join('; ')}`,
    );
  }
  if (json) return printJson(outcome);
  const replayed = outcome.replayed ? ' (already done with this key: nothing sent again)' : '';
  process.stdout.write(`${line(outcome.result)}${replayed}  key ${outcome.idempotencyKey}\n`);
}
