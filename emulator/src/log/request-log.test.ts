import { describe, expect, it } from 'vitest';
import { RequestLog, type LogEntry } from './request-log.ts';

const anEntry = (overrides: Partial<LogEntry> = {}): LogEntry => ({
  time: '2025-01-01T00:00:00.000Z',
  api: 'graphql',
  method: 'POST',
  path: '/admin/api/2025-01/graphql.json',
  version: '2025-01',
  operation: 'query',
  requestedCost: 1,
  actualCost: 1,
  status: 200,
  durationMs: 1,
  ...overrides,
});

describe('RequestLog', () => {
  it('keeps entries in call order and empties on reset', () => {
    const log = new RequestLog();
    log.record(anEntry({ operation: 'query A' }));
    log.record(anEntry({ operation: 'query B' }));
    expect(log.list().map((e) => e.operation)).toEqual(['query A', 'query B']);
    log.reset();
    expect(log.list()).toEqual([]);
  });

  it('drops the oldest entries beyond its cap', () => {
    const log = new RequestLog(2);
    for (const name of ['a', 'b', 'c']) log.record(anEntry({ operation: name }));
    expect(log.list().map((e) => e.operation)).toEqual(['b', 'c']);
  });
});
