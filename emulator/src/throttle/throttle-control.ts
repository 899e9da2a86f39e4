import type { ControlRoute, Reply } from '../server.ts';
import { isPlanName, planNames } from './plans.ts';
import type { Throttle } from './throttle.ts';

/**
 * `/__emulator/throttle`:
 * - `GET` -> `{ plan, graphql: { maximumAvailable, currentlyAvailable, restoreRate }, rest: { bucketSize, used, leakRate } }`;
 * - `POST { "plan": "standard" | "advanced" | "plus" | "off" }` switches plan (fresh buckets);
 *   `POST { "reset": true }` empties the buckets. Answers like GET.
 */
export function throttleControlRoutes(throttle: Throttle): ControlRoute[] {
  return [
    { method: 'GET', path: '/__emulator/throttle', handle: () => describe(throttle) },
    { method: 'POST', path: '/__emulator/throttle', handle: ({ body }) => change(throttle, body) },
  ];
}

function change(throttle: Throttle, body: unknown): Reply {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (request.plan !== undefined) {
    if (!isPlanName(request.plan)) {
      return { status: 400, body: { errors: `plan must be one of ${planNames.join(', ')}` } };
    }
    throttle.setPlan(request.plan);
  }
  if (request.reset === true) throttle.reset();
  return describe(throttle);
}

function describe(throttle: Throttle): Reply {
  return { status: 200, body: throttle.describe() };
}
