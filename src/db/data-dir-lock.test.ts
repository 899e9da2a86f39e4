import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir, StoreInUseError } from './data-dir-lock.ts';

describe('embedded store lock', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'storebridge-lock-'));

  it('refuses a folder another live process holds, naming it', () => {
    const path = folder();
    writeFileSync(join(path, 'storebridge.lock'), String(process.ppid));
    expect(() => lockDataDir(path)).toThrow(StoreInUseError);
    expect(() => lockDataDir(path)).toThrow(`in use by process ${process.ppid}`);
  });

  it('takes over a lock left by a process that died, and releases it', () => {
    const path = folder();
    writeFileSync(join(path, 'storebridge.lock'), '2147483646');
    const unlock = lockDataDir(path);
    unlock();
    lockDataDir(path)();
  });
});
