import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'emulator/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core less one: a single worker on CI's 2 cores, where
    // most of a database or emulator test's time is spent waiting on sockets, not computing.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
