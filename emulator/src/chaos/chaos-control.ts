import type { ControlRoute, Reply } from '../server.ts';
import { chaosConfigProblems, type ApiChaos, type ApiChaosConfig } from './api-chaos.ts';

/**
 * `/__emulator/chaos`:
 * - `GET` -> the API chaos config `{ seed, serverErrorRate, latencyMs, connectionResetRate, throttleRate }`;
 * - `POST` a partial config (e.g. `{ "serverErrorRate": 0.1 }`) merges it; `{ "off": true }` turns
 *   every fault off. Answers like GET; 400 `{ errors: [...] }` for a bad value.
 */
export function chaosControlRoutes(chaos: ApiChaos): ControlRoute[] {
  return [
    { method: 'GET', path: '/__emulator/chaos', handle: () => describe(chaos) },
    { method: 'POST', path: '/__emulator/chaos', handle: ({ body }) => change(chaos, body) },
  ];
}

function change(chaos: ApiChaos, body: unknown): Reply {
  const { off, ...config } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const problems = chaosConfigProblems(config);
  if (problems.length > 0) return { status: 400, body: { errors: problems } };
  if (off === true) {
    chaos.configure({ serverErrorRate: 0, latencyMs: 0, connectionResetRate: 0, throttleRate: 0 });
  }
  chaos.configure(config as ApiChaosConfig);
  return describe(chaos);
}

function describe(chaos: ApiChaos): Reply {
  return { status: 200, body: chaos.config() };
}
