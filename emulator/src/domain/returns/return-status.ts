import { fail } from '../errors.ts';
import type { ReturnStatus } from '../model/returns.ts';

/** Shopify's return lifecycle as data: a request is approved (OPEN) or declined; an open return closes. */
export const returnTransitions: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  REQUESTED: ['OPEN', 'DECLINED', 'CANCELED'],
  OPEN: ['CLOSED', 'CANCELED'],
  CLOSED: ['OPEN'],
  DECLINED: [],
  CANCELED: [],
};

export function transitionReturn(from: ReturnStatus, to: ReturnStatus): ReturnStatus {
  if (!returnTransitions[from].includes(to)) {
    fail(`Return status cannot change from ${from} to ${to}.`, ['id'], 'INVALID_STATE');
  }
  return to;
}
