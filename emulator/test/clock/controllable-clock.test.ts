import { afterEach, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../src/index.ts';
import { startHarness, type Harness } from '../http/harness.ts';

describe('controllable clock', () => {
  it('frozen: stands still, moves only when advanced or set', () => {
    const clock = createControllableClock({ start: '2025-03-01T10:00:00Z', mode: 'frozen' });
    expect(clock.now().toISOString()).toBe('2025-03-01T10:00:00.000Z');
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2025-03-01T10:00:01.500Z');
    clock.set('2025-04-01T00:00:00Z');
    expect(clock.nowMs()).toBe(Date.parse('2025-04-01T00:00:00Z'));
  });

  it('real: flows from its source plus the offset that advance adds', () => {
    let source = Date.parse('2025-03-01T10:00:00Z');
    const clock = createControllableClock({ source: () => new Date(source) });
    clock.advance(60_000);
    source += 1_000;
    expect(clock.now().toISOString()).toBe('2025-03-01T10:01:01.000Z');
    clock.setMode('frozen');
    source += 5_000;
    expect(clock.now().toISOString()).toBe('2025-03-01T10:01:01.000Z');
  });

  it('fires timers in due order when advanced past them, never before', async () => {
    const clock = createControllableClock({ start: 0, mode: 'frozen' });
    const fired: string[] = [];
    clock.setTimer(3_000, () => fired.push('retry 2'));
    clock.setTimer(1_000, () => fired.push('retry 1'));
    const cancel = clock.setTimer(2_000, () => fired.push('cancelled'));
    const slept = clock.sleep(5_000).then(() => fired.push('slept'));
    cancel();
    clock.advance(999);
    expect(fired).toEqual([]);
    clock.advance(2_001);
    expect(fired).toEqual(['retry 1', 'retry 2']);
    expect(clock.pendingTimers()).toBe(1);
    clock.set(10_000);
    await slept;
    expect(fired).toEqual(['retry 1', 'retry 2', 'slept']);
  });

  it('fires a due timer by itself in real mode', async () => {
    const clock = createControllableClock();
    await clock.sleep(20);
    expect(clock.pendingTimers()).toBe(0);
    clock.dispose();
  });
});

describe('/__emulator/clock', () => {
  let h: Harness;
  afterEach(() => h.emulator.close());

  it('reports now, advances, sets and switches mode; shop timestamps follow', async () => {
    h = await startHarness({
      clock: createControllableClock({ start: '2025-03-01T10:00:00Z', mode: 'frozen' }),
    });
    const post = async (body: unknown) =>
      (await h.raw('/__emulator/clock', { method: 'POST', body: JSON.stringify(body) })).json();
    expect(await (await h.raw('/__emulator/clock')).json()).toEqual({
      now: '2025-03-01T10:00:00.000Z',
      mode: 'frozen',
      pendingTimers: 0,
    });
    expect(await post({ advanceMs: 90_000 })).toMatchObject({ now: '2025-03-01T10:01:30.000Z' });
    expect(await post({ set: '2025-06-01T00:00:00Z' })).toMatchObject({ now: '2025-06-01T00:00:00.000Z' });
    expect(h.emulator.state.now()).toBe('2025-06-01T00:00:00.000Z');
    expect(await post({ mode: 'real' })).toMatchObject({ mode: 'real' });
    const bad = await h.raw('/__emulator/clock', { method: 'POST', body: JSON.stringify({ set: 'soon' }) });
    expect(bad.status).toBe(400);
  });
});
