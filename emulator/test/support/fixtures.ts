/** Shopify's recorded REST request/response pairs (shared/shopify/fixtures, read-only). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { handleRest, type RestResponse } from '../../src/rest/index.ts';
import type { ShopState } from '../../src/domain/index.ts';

export interface RecordedPair {
  test: string;
  request: { method: string; path: string; query: string; body: unknown };
  response: Record<string, unknown>;
}

const fixturesRoot = fileURLToPath(new URL('../../../../shared/shopify/fixtures/', import.meta.url));

export function readFixture<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(fixturesRoot + relativePath, 'utf8')) as T;
}

export function recordedPairs(resource: string): RecordedPair[] {
  return readFixture<RecordedPair[]>(`shopify-app-js-rest-2025-10/${resource}.json`);
}

export function pair(resource: string, match: (pair: RecordedPair) => boolean): RecordedPair {
  const found = recordedPairs(resource).find(match);
  if (!found) throw new Error(`no recorded ${resource} pair matches`);
  return found;
}

/** Sends a recorded request (optionally with ids rewritten) to the emulator's REST router. */
export function replay(
  state: ShopState,
  recorded: RecordedPair['request'],
  rewrite: (text: string) => string = (text) => text,
): RestResponse {
  const body = recorded.body === null ? undefined : JSON.parse(rewrite(JSON.stringify(recorded.body)));
  return handleRest(state, {
    method: recorded.method,
    path: rewrite(recorded.path),
    query: rewrite(recorded.query),
    body,
  });
}

/**
 * Structural differences between our body and Shopify's: missing/extra keys and type
 * mismatches, recursively (arrays compare element-wise up to the shorter length). `null`
 * matches any type because Shopify's examples leave many optional fields null.
 */
export function shapeDiff(actual: unknown, expected: unknown, path = '$'): string[] {
  if (expected === null || actual === null) return [];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected array, got ${typeof actual}`];
    const length = Math.min(actual.length, expected.length);
    return Array.from({ length }, (_, index) =>
      shapeDiff(actual[index], expected[index], `${path}[${index}]`),
    ).flat();
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected object`];
    const actualKeys = new Set(Object.keys(actual as object));
    const expectedKeys = Object.keys(expected as object);
    const missing = expectedKeys
      .filter((key) => !actualKeys.has(key))
      .map((key) => `${path}.${key}: missing`);
    const extra = [...actualKeys]
      .filter((key) => !(key in (expected as object)))
      .map((key) => `${path}.${key}: extra`);
    const nested = expectedKeys
      .filter((key) => actualKeys.has(key))
      .flatMap((key) =>
        shapeDiff(
          (actual as Record<string, unknown>)[key],
          (expected as Record<string, unknown>)[key],
          `${path}.${key}`,
        ),
      );
    return [...missing, ...extra, ...nested];
  }
  return typeof actual === typeof expected
    ? []
    : [`${path}: expected ${typeof expected}, got ${typeof actual}`];
}

/**
 * Recorded Shopify JSON walked freely by assertions (`body.order.line_items[0].price`).
 * Typing every recorded payload would restate Shopify's schema in tests, so bodies are `any`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;
