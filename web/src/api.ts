/** One issue of a 400/422 answer, naming the field (src/shared/errors.ts ValidationError). */
export interface Issue {
  path: string;
  message: string;
}

/** Shopify's own refusal, shown to the agent verbatim (docs/agent-actions.md). */
export interface UserError {
  field?: string[] | string | null;
  message: string;
}

/** Any non-2xx answer of /api/, with the server's `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
    readonly userErrors: UserError[] = [],
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Calls the JSON API as the signed-in user (the session cookie). Every write sends a JSON body,
 * `{}` when there is nothing to say: the server takes cookie-authenticated writes only as JSON.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const write = method !== 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: write
      ? { 'content-type': 'application/json', accept: 'application/json' }
      : { accept: 'application/json' },
    body: write ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw apiError(response.status, json);
  return json as T;
}

export const get = <T>(path: string) => api<T>('GET', path);

function apiError(status: number, json: unknown): ApiError {
  const body = (json ?? {}) as {
    error?: { code?: string; message?: string; issues?: Issue[]; userErrors?: UserError[] };
    issues?: Issue[];
  };
  const error = body.error ?? {};
  const issues = error.issues ?? body.issues ?? [];
  const message =
    error.message ??
    (issues.length ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : `HTTP ${status}`);
  return new ApiError(status, error.code ?? `http_${status}`, message, issues, error.userErrors ?? []);
}

/** `/api/shops/DEMO/orders/%231001`: every path segment encoded (order names start with #). */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}
