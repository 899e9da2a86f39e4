import type { ShopState } from '../domain/index.ts';
import type { RestResponse } from './http.ts';

export interface RouteContext {
  state: ShopState;
  params: URLSearchParams;
  body: Record<string, unknown>;
  version: string;
  /** Numeric ids captured from the path, in order. */
  ids: number[];
  /** Absolute URL of a resource path under this API version (for Link headers). */
  url: (resourcePath: string) => string;
}

export type Handler = (context: RouteContext) => RestResponse;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after /admin/api/{version}/, with (\d+) for ids. */
  pattern: RegExp;
  handler: Handler;
}

export function numberParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
}

export function idList(params: URLSearchParams, name: string): number[] | undefined {
  const value = params.get(name);
  if (!value) return undefined;
  return value
    .split(',')
    .map((id) => Number(id.trim()))
    .filter((id) => Number.isInteger(id));
}

export function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
