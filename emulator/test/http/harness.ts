import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/index.ts';

export const VERSION = '2025-01';

/** A movable clock: tests pin time and move it explicitly. */
export function testClock(start = '2025-03-01T10:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, { advance: (ms: number) => (now += ms) });
}

export interface Harness {
  readonly emulator: RunningEmulator;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>>;
  raw(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
}

export interface GqlResponse<T> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
  extensions?: {
    cost: { requestedQueryCost: number; actualQueryCost: number; throttleStatus: Record<string, number> };
  };
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ clock: testClock(), ...options });
  const raw = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(init.headers as Record<string, string>),
    };
    const token = init.token === undefined ? emulator.token : init.token;
    if (token !== null) headers['x-shopify-access-token'] = token;
    return fetch(`${emulator.url}${path}`, { ...init, headers });
  };
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await raw(`/admin/api/${VERSION}/graphql.json`, {
      method: 'POST',
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GqlResponse<T>, 'status'>;
    return { status: response.status, ...body } as GqlResponse<T>;
  };
  return { emulator, gql, raw };
}
