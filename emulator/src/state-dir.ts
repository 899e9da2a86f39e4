import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShopState, type Clock } from './domain/index.ts';

/** The one file a `--state DIR` holds: the whole shop as `ShopState.toJSON()`. */
export const STATE_FILE = 'shop.json';

/** The saved shop in `dir`, or undefined when the folder has none yet. */
export function loadStateDir(dir: string, clock: Clock): ShopState | undefined {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) return undefined;
  return ShopState.fromJSON(readFileSync(file, 'utf8'), clock);
}

let sequence = 0;

/**
 * Writes atomically: a temp file in the same folder, then rename over the old one, so a crash
 * mid-write leaves the previous state whole (rename is atomic within a filesystem).
 */
export function saveStateDir(dir: string, state: ShopState): void {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${STATE_FILE}.${process.pid}.${++sequence}.tmp`);
  writeFileSync(temp, JSON.stringify(state.toJSON()));
  renameSync(temp, join(dir, STATE_FILE));
}
