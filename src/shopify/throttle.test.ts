import { describe, expect, it } from 'vitest';
import { ThrottleGovernor } from './throttle.ts';

describe('ThrottleGovernor (Shopify leaky bucket)', () => {
  const standard = { maximumAvailable: 2000, restoreRate: 100 };

  it.each([
    { name: 'nothing known yet: go', status: null, elapsedMs: 0, cost: 500, delayMs: 0 },
    {
      name: 'enough in the bucket: go',
      status: { ...standard, currentlyAvailable: 900 },
      elapsedMs: 0,
      cost: 500,
      delayMs: 0,
    },
    {
      name: 'short by 300 points at 100/s: wait 3 s',
      status: { ...standard, currentlyAvailable: 200 },
      elapsedMs: 0,
      cost: 500,
      delayMs: 3000,
    },
    {
      name: 'the bucket refilled while we waited',
      status: { ...standard, currentlyAvailable: 200 },
      elapsedMs: 2000,
      cost: 500,
      delayMs: 1000,
    },
    {
      name: 'refill stops at the maximum',
      status: { ...standard, currentlyAvailable: 1990 },
      elapsedMs: 60_000,
      cost: 2000,
      delayMs: 0,
    },
    {
      name: 'a cost above the bucket waits for a full bucket only',
      status: { ...standard, currentlyAvailable: 0 },
      elapsedMs: 0,
      cost: 5000,
      delayMs: 20_000,
    },
  ])('$name', ({ status, elapsedMs, cost, delayMs }) => {
    let now = 1_000_000;
    const governor = new ThrottleGovernor(() => now);
    if (status) governor.observe(status);
    now += elapsedMs;
    expect(governor.delayBefore(cost)).toBe(delayMs);
  });
});
