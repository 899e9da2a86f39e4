import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';

const flags: string[] = [];
vi.mock('node:v8', () => ({ setFlagsFromString: (text: string) => flags.push(text) }));

const { applyMemorySettings, heapGrowingPercent } = await import('./memory-settings.ts');

describe("storebridge's V8 memory settings", () => {
  it('sets the old generation growing factor', () => {
    applyMemorySettings();
    expect(flags).toEqual([`--heap-growing-percent=${heapGrowingPercent}`]);
    expect(heapGrowingPercent).toBeGreaterThan(0);
  });

  // V8 ignores a flag it does not know without a word: a Node upgrade that dropped this one would
  // silently bring back V8's default slack (docs/order-import.md "Memory").
  it("is a flag this Node's V8 knows", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    expect(options).toContain('--heap-growing-percent');
  });
});
