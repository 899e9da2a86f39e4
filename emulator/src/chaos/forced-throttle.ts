import type { CostGate, RestAdmission, RestGate } from '../throttle/throttle.ts';
import type { ApiChaos } from './api-chaos.ts';

/** A GraphQL gate that also refuses the calls chaos picks (reported as THROTTLED, nothing charged). */
export function withForcedGraphqlThrottle(gate: CostGate, chaos: ApiChaos): CostGate {
  return {
    admit: (requested) => !chaos.forceThrottle() && gate.admit(requested),
    settle: (requested, actual) => gate.settle(requested, actual),
    status: () => gate.status(),
  };
}

/** A REST gate that also answers 429 for the calls chaos picks (Retry-After of one leak). */
export function withForcedRestThrottle(gate: RestGate, chaos: ApiChaos, leakRate: () => number): RestGate {
  return {
    take: (): RestAdmission => {
      if (chaos.forceThrottle()) {
        const rate = leakRate();
        return { ok: false, retryAfterSeconds: 1 / rate, leakRate: rate };
      }
      return gate.take();
    },
  };
}
