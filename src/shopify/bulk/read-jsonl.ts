import { ShopifyUnavailableError } from '../errors.ts';

/**
 * The lines of a JSONL file at `url`, parsed one at a time as they arrive: the file can be
 * gigabytes (a shop's whole order history), so it is never held whole.
 */
export async function* readJsonl(
  url: string,
  fetchApi: typeof fetch = fetch,
): AsyncGenerator<Record<string, unknown>> {
  const response = await fetchApi(url);
  if (!response.ok || !response.body) {
    throw new ShopifyUnavailableError(`Bulk result ${url} answered HTTP ${response.status}`, response.status);
  }
  let buffered = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    // The chunk's complete lines are cut from the buffer once, not the buffer re-cut per line.
    let start = 0;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(start, newline).trim();
      if (line) yield JSON.parse(line) as Record<string, unknown>;
      start = newline + 1;
      newline = buffered.indexOf('\n', start);
    }
    buffered = buffered.slice(start);
  }
  buffered += decoder.decode();
  if (buffered.trim()) yield JSON.parse(buffered) as Record<string, unknown>;
}
