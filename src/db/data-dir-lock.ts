import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors.ts';

export class StoreInUseError extends AppError {
  readonly code = 'store_in_use';
  readonly retryable = false;
}

/**
 * PGlite is PostgreSQL inside one process: a second process opening the same folder would
 * corrupt it, and PGlite does not refuse it. A lock file with the owner's pid does; a lock left
 * by a process that died is taken over.
 */
export function lockDataDir(path: string): () => void {
  const lockFile = join(path, 'storebridge.lock');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (owner !== process.pid && isAlive(owner)) {
      throw new StoreInUseError(
        `The embedded store in ${path} is in use by process ${owner}. Stop it first, or run both on a PostgreSQL server (DATABASE_URL).`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
