/** The outcome of one HTTP attempt. */
export interface AttemptOutcome {
  ok: boolean;
  /** HTTP status, or null when the receiver did not answer in time or refused the connection. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One POST to the subscription's address. Success is a 2xx answer within the timeout; a
 * redirect counts as a failure (Shopify does not follow them), as does a timeout.
 */
export async function postWebhook(
  address: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(address, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      status: response.status,
      error: ok ? null : `HTTP ${response.status}`,
      durationMs: elapsed(),
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const message = timedOut ? `timeout after ${timeoutMs} ms` : describe(error);
    return { ok: false, status: null, error: message, durationMs: elapsed() };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
